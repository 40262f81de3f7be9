import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { type PageQuery, readPage } from "./sql-page";

type Row = { id: string; name: string };
const query: PageQuery<Row> = {
  table: "Thing",
  alias: "t",
  columns: ["id", "name"],
  where: [Prisma.sql`t."name" = ${"x"}`],
  orderBy: [{ column: "name", dir: "asc" }],
  page: 1,
  counting: "exact",
};

// Both refusals come before any statement: no database is opened here.
describe("readPage", () => {
  it("refuses to sort by a column it does not read", async () => {
    await expect(readPage({ ...query, orderBy: [{ column: "secret", dir: "asc" }] })).rejects.toThrow(
      "Thing list: secret is not read",
    );
  });

  it("refuses a name that is not a plain SQL identifier", async () => {
    await expect(readPage({ ...query, columns: ["id", 'name" OR 1=1 --' as "name"] })).rejects.toThrow(
      "Not an SQL identifier",
    );
    await expect(readPage({ ...query, alias: "t; DROP TABLE x" })).rejects.toThrow("Not an SQL identifier");
  });
});
