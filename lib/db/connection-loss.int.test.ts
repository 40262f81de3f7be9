// Issue 6 item 0: terminating the app's PostgreSQL backends while saves are in flight used to leave
// the pool with no usable connection until a restart.
import { describe, expect, inject, it } from "vitest";
import { failureFrom } from "../operations/run";
import { createRole } from "../roles/service";
import { bootstrapAdministrator, uniqueName } from "../testing/factories";
import { withClient } from "../testing/postgres";
import { db } from ".";

const onPostgres = inject("testDatabase") === "postgres";
const ROUNDS = 5;
const SAVES = 40;

async function terminateBackends() {
  const url = process.env.DATABASE_URL as string;
  const database = new URL(url).pathname.slice(1);
  await withClient(url, (client) =>
    client.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [database],
    ),
  );
}

/** Fails the test instead of hanging when saves never settle (the pool had no connection left). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms)),
  ]);
}

function saveRoles(admin: Awaited<ReturnType<typeof bootstrapAdministrator>>, prefix: string) {
  return Array.from({ length: SAVES }, (_, i) => {
    const name = `${prefix}-${i}`;
    const save = createRole(admin, {
      name,
      description: "",
      rights: [
        { objectType: "user", access: "view", objectId: null },
        { objectType: "role", access: "view", objectId: null },
      ],
    });
    return save.then(
      () => ({ name, error: undefined }),
      (error: unknown) => ({ name, error }),
    );
  });
}

describe.runIf(onPostgres)("losing PostgreSQL connections during concurrent saves", () => {
  it("fails the saves in flight cleanly, writes nothing partial, and serves the next saves without a restart", async () => {
    const admin = await bootstrapAdministrator();
    const prefix = uniqueName("lost");
    const outcomes: { name: string; error: unknown }[] = [];

    for (let round = 0; round < ROUNDS; round += 1) {
      const saves = saveRoles(admin, `${prefix}-r${round}`);
      // Three terminations within about 300 ms while the saves run.
      for (let kill = 0; kill < 3; kill += 1) {
        await new Promise((resolve) => setTimeout(resolve, 40 + kill * 60));
        await terminateBackends();
      }
      outcomes.push(...(await within(15_000, Promise.all(saves))));
    }

    const failed = outcomes.filter((o) => o.error !== undefined);
    const saved = outcomes.filter((o) => o.error === undefined).map((o) => o.name);
    expect(failed.length).toBeGreaterThan(0);
    // Each failure reaches the user as the typed "connection lost" result, never as raw text.
    for (const { error } of failed) {
      expect(failureFrom(error)).toEqual({
        ok: false,
        code: "unavailable",
        message: "The database was unavailable; nothing was saved. Try again.",
        fieldErrors: {},
      });
    }

    // Nothing partial: exactly the saves that succeeded exist, each with both rights and its audit row.
    const roles = await db().role.findMany({
      where: { name: { startsWith: prefix } },
      include: { _count: { select: { rights: true } } },
    });
    expect(roles.map((r) => r.name).sort()).toEqual([...saved].sort());
    expect(roles.every((r) => r._count.rights === 2)).toBe(true);
    const audited = await db().auditEvent.findMany({
      where: { objectType: "role", action: "create", objectName: { startsWith: prefix } },
      select: { objectName: true },
    });
    expect(audited.map((a) => a.objectName).sort()).toEqual([...saved].sort());

    // With the database back, a full round of concurrent saves succeeds on the same pool.
    const after = await within(15_000, Promise.all(saveRoles(admin, `${prefix}-after`)));
    expect(after.filter((o) => o.error !== undefined).map((o) => String(o.error))).toEqual([]);
  }, 90_000);

  it("answers a read on a connection the server just ended by running it again on a new one", async () => {
    await bootstrapAdministrator();
    for (let round = 0; round < 5; round += 1) {
      // Fill the pool with idle connections, end them all on the server, and read at once.
      await Promise.all(Array.from({ length: 5 }, () => db().user.count()));
      await terminateBackends();
      const counts = await within(15_000, Promise.all(Array.from({ length: 5 }, () => db().user.count())));
      expect(counts.every((count) => count > 0)).toBe(true);
    }
  }, 60_000);
});
