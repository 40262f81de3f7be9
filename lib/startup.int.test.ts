import { describe, expect, it } from "vitest";
import { checkSignIn } from "./auth/sign-in";
import { db, dbAdapter } from "./db";
import { migrate, readMigrations } from "./db/migrate";
import { BUILT_IN_ROLES } from "./rights/built-in-roles";
import { prepareDatabase } from "./startup";
import { TEST_ADMIN_LOGON, TEST_ADMIN_PASSWORD } from "./testing/constants";

const administrators = () => db().user.findMany({ where: { roles: { some: { role: { builtIn: "administrator" } } } } });

describe("migrate", () => {
  it("has recorded every migration in _prisma_migrations, once", async () => {
    const rows = await dbAdapter().sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(migrations.map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("applies nothing the second time and records nothing more", async () => {
    const count = async () =>
      (await dbAdapter().sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`))[0]?.n;
    const before = await count();
    expect(await migrate(dbAdapter().sql)).toEqual([]);
    expect(await migrate(dbAdapter().sql)).toEqual([]);
    expect(await count()).toBe(before);
  });

  it("refuses a migration that was edited after it was applied, and changes nothing", async () => {
    const [first, ...rest] = readMigrations();
    expect(first).toBeDefined();
    const edited = [{ ...first!, sql: `${first!.sql}\n-- edited`, checksum: "0".repeat(64) }, ...rest];
    await expect(migrate(dbAdapter().sql, edited)).rejects.toThrow(/was changed after it was applied/);
    expect(await migrate(dbAdapter().sql)).toEqual([]);
  });

  it("applies a new migration once, in order after the others", async () => {
    const table = `migrate_probe_${Date.now()}`;
    const extra = { name: "99991231000000_probe", sql: `CREATE TABLE "${table}" (id int)`, checksum: "f".repeat(64) };
    expect(await migrate(dbAdapter().sql, [...readMigrations(), extra])).toEqual([extra.name]);
    expect(await migrate(dbAdapter().sql, [...readMigrations(), extra])).toEqual([]);
    const rows = await dbAdapter().sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    expect(rows[0]?.n).toBe(0);
  });
});

describe("bootstrap", () => {
  it("creates the four built-in roles with their rights", async () => {
    const roles = await db().role.findMany({ where: { builtIn: { not: null } }, include: { rights: true } });
    expect(roles.map((r) => r.builtIn).sort()).toEqual(["administrator", "auditor", "integration", "operator"]);
    for (const def of BUILT_IN_ROLES) {
      const role = roles.find((r) => r.builtIn === def.key)!;
      expect(role.name).toBe(def.name);
      const held = role.rights.map((r) => `${r.objectType}:${r.access}:${r.objectId ?? "*"}`).sort();
      expect(held).toEqual(def.rights.map((r) => `${r.objectType}:${r.access}:*`).sort());
    }
  });

  it("creates one administrator who must change the password, with the password from the environment", async () => {
    const admins = await administrators();
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({ logonName: TEST_ADMIN_LOGON, enabled: true, kind: "console" });
    expect(admins[0]?.mustChangePassword).toBe(true);
    const created = await db().auditEvent.findMany({ where: { action: "create", objectType: "user" } });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorName: "system", actorId: null, changes: { password: "set" } });
    expect(JSON.stringify(created)).not.toContain(TEST_ADMIN_PASSWORD);

    const signIn = await checkSignIn(TEST_ADMIN_LOGON, TEST_ADMIN_PASSWORD, null);
    expect(signIn.ok).toBe(true);
  });

  it("creates no second administrator when started again, and restores the built-in roles' rights", async () => {
    const operator = await db().role.findUniqueOrThrow({ where: { builtIn: "operator" }, include: { rights: true } });
    // Someone edited the table by hand: start-up puts the rights back as the code defines them.
    await db().roleRight.deleteMany({ where: { roleId: operator.id } });
    await db().roleRight.create({ data: { roleId: operator.id, objectType: "audit", access: "view" } });
    const lines: string[] = [];

    await prepareDatabase((line) => lines.push(line));

    expect(await administrators()).toHaveLength(1);
    expect(await db().user.count()).toBe(1);
    expect(lines.join("\n")).toMatch(/up to date/);
    expect(lines.join("\n")).not.toMatch(/administrator/i);
    const restored = await db().roleRight.findMany({ where: { roleId: operator.id } });
    expect(restored.map((r) => `${r.objectType}:${r.access}`).sort()).toEqual(
      operator.rights.map((r) => `${r.objectType}:${r.access}`).sort(),
    );
    expect(restored.some((r) => r.objectType === "audit")).toBe(false);
  });

  it("says on a server database, not on the embedded one, that the keys must be shared", async () => {
    const saved = { session: process.env.NEXTAUTH_SECRET, sealing: process.env.SWITCHBOARD_SECRET_KEY };
    delete process.env.NEXTAUTH_SECRET;
    process.env.SWITCHBOARD_SECRET_KEY = "";
    const lines: string[] = [];
    try {
      await prepareDatabase((line) => lines.push(line));
    } finally {
      if (saved.session !== undefined) process.env.NEXTAUTH_SECRET = saved.session;
      if (saved.sealing !== undefined) process.env.SWITCHBOARD_SECRET_KEY = saved.sealing;
      else delete process.env.SWITCHBOARD_SECRET_KEY;
    }
    const notice = lines.filter((line) => line.includes("NEXTAUTH_SECRET and SWITCHBOARD_SECRET_KEY are not set"));
    expect(notice).toHaveLength(dbAdapter().kind === "postgres" ? 1 : 0);
  });
});
