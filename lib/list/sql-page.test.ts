import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { type PageQuery, readPage } from "./sql-page";

type Row = { id: string; name: string };
const query: PageQuery<Row> = {
  table: "Thing",
  alias: "t",
  columns: ["id", "name"],
  where: [Prisma.sql`t."name" = ${"x"}`],
  sorts: ["name"],
};
const request = { dir: "asc" as const, page: 1 };

// Both refusals come before any statement: no database is opened here.
describe("readPage", () => {
  it("refuses to sort by a column it does not read, the id included", async () => {
    await expect(readPage(request, { ...query, sorts: ["secret"] })).rejects.toThrow("Thing list: secret is not read");
    await expect(readPage(request, { ...query, columns: ["name"] })).rejects.toThrow("Thing list: id is not read");
  });

  it("refuses a name that is not a plain SQL identifier", async () => {
    await expect(readPage(request, { ...query, columns: ["id", 'name" OR 1=1 --' as "name"] })).rejects.toThrow(
      "Not an SQL identifier",
    );
    await expect(readPage(request, { ...query, alias: "t; DROP TABLE x" })).rejects.toThrow("Not an SQL identifier");
  });
});
