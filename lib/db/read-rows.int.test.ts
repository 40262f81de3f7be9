import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { loadRights } from "../rights/load";
import { createRole } from "../roles/service";
import { bootstrapAdministrator, uniqueName } from "../testing/factories";
import { runInTransaction } from "./ambient";
import { db, rootDb } from "./index";
import { epochMillis, readRows } from "./read-rows";

const roleByName = (name: string) => Prisma.sql`SELECT "name" FROM "Role" WHERE "nameKey" = ${name.toLowerCase()}`;

describe("readRows", () => {
  it("returns the rows $queryRaw returns, for the column types the hot reads use", async () => {
    const query = Prisma.sql`
      SELECT ${"a"}::text AS "t", TRUE AS "b", ${7}::int AS "i", '{"x":[1,null]}'::jsonb AS "j", NULL::text AS "n", 'true'::jsonb AS "jb",
             ${epochMillis("TIMESTAMP '2026-12-07 10:00:00.123'")} AS "ms"`;
    const expected = [
      { t: "a", b: true, i: 7, j: { x: [1, null] }, n: null, jb: true, ms: Date.UTC(2026, 11, 7, 10, 0, 0, 123) },
    ];
    expect(await readRows(query)).toEqual(expected);
    expect(await db().$queryRaw(query)).toEqual(expected);
  });

  it("joins the open transaction: it sees what the transaction wrote, and nothing once it rolled back", async () => {
    const admin = await bootstrapAdministrator();
    const name = uniqueName("read");
    const seen = await runInTransaction(
      rootDb(),
      async () => {
        await createRole(admin, { name, description: "", rights: [] });
        // Through the driver this would wait for the transaction to end: on the embedded database, for ever.
        const inside = await readRows<{ name: string }>(roleByName(name));
        throw Object.assign(new Error("roll back"), { inside });
      },
      { timeout: 10_000 },
    ).catch((error: { inside?: unknown }) => error.inside);
    expect(seen).toEqual([{ name }]);
    expect(await readRows(roleByName(name))).toEqual([]);
  });

  it("reads through a transaction's client passed to it (loadRights inside a Prisma transaction)", async () => {
    const admin = await bootstrapAdministrator();
    const rights = await rootDb().$transaction((tx) => loadRights(tx, admin.id), { timeout: 10_000 });
    expect(rights).toEqual(await loadRights(db(), admin.id));
    expect(rights.length).toBeGreaterThan(0);
  });
});
