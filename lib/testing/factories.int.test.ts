import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { COUNTED_TABLES, makeRole, makeUser, tableCounts } from "./factories";

/** Model names as schema.prisma declares them, read from the file rather than the generated client. */
async function schemaModels(): Promise<string[]> {
  const schema = await readFile(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
  return [...schema.matchAll(/^model\s+(\w+)\s*\{/gm)].map((m) => m[1] as string).sort();
}

describe("tableCounts", () => {
  it("counts every model of the schema, each under its own name", async () => {
    const models = await schemaModels();
    expect(models.length).toBeGreaterThan(0);
    expect(Object.keys(COUNTED_TABLES).sort()).toEqual(models);
    const counts = await tableCounts();
    const names = Object.values(COUNTED_TABLES);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(counts).sort()).toEqual([...names].sort());
    for (const name of names) expect(counts[name], name).toBeTypeOf("number");
  });

  it("sees rows in the tables the factories fill, and in a user's own rights", async () => {
    const before = await tableCounts();
    const role = await makeRole({ rights: [{ objectType: "user", access: "view" }] });
    const user = await makeUser({ roles: [role.id] });
    await db().userRight.create({ data: { userId: user.id, objectType: "audit", access: "view", objectId: null } });
    expect(await tableCounts()).toEqual({
      ...before,
      users: before.users + 1,
      roles: before.roles + 1,
      roleRights: before.roleRights + 1,
      userRoles: before.userRoles + 1,
      userRights: before.userRights + 1,
    });
  });
});
