import { describe, expect, it } from "vitest";
import { db } from "../db";
import { TEST_PASSWORD } from "../testing/constants";
import { makeUser, uniqueName } from "../testing/factories";
import { checkSignIn, UNKNOWN_LOGON_NAME, WRONG_CREDENTIALS } from "./sign-in";
import { THROTTLE_LOCK_MS } from "./throttle";

const MINUTE = 60_000;
const ADDRESS = "198.51.100.23";

/** Failures recorded for a name, as if earlier attempts had failed (saves their real delays). */
function seedFailures(logonName: string, failures: number, windowStart = new Date(), lockedUntil: Date | null = null) {
  return db().signInThrottle.create({
    data: { logonKey: logonName.toLowerCase(), failures, windowStart, lockedUntil },
  });
}

const throttleOf = (logonName: string) =>
  db().signInThrottle.findUnique({ where: { logonKey: logonName.toLowerCase() } });

const signInAudit = (logonName: string) =>
  db().auditEvent.findMany({
    where: { actorName: { in: [logonName, logonName.toLowerCase()] } },
    orderBy: [{ at: "asc" }, { action: "desc" }],
  });

/** Sign-ins under no known name, since a moment: their rows never carry what was typed. */
const unknownNameAudit = (since: Date) =>
  db().auditEvent.findMany({
    where: { actorName: UNKNOWN_LOGON_NAME, at: { gte: since } },
    orderBy: [{ at: "asc" }, { action: "desc" }],
  });

describe("checkSignIn", () => {
  it("accepts the right password whatever the name's case, clears earlier failures and audits the sign-in", async () => {
    const user = await makeUser({ logonName: uniqueName("Ada.Lovelace") });
    await seedFailures(user.logonName, 2);

    const result = await checkSignIn(`  ${user.logonName.toUpperCase()} `, TEST_PASSWORD, ADDRESS);

    expect(result).toEqual({
      ok: true,
      user: { id: user.id, logonName: user.logonName, authVersion: user.authVersion },
    });
    expect(await throttleOf(user.logonName)).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeInstanceOf(Date);
    expect(await signInAudit(user.logonName)).toMatchObject([
      { action: "sign_in", outcome: "success", actorId: user.id, objectId: user.id, clientAddress: ADDRESS },
    ]);
  });

  it("gives a wrong password and an unknown name the identical answer, and audits both as failed", async () => {
    const user = await makeUser();
    const unknown = uniqueName("nobody");
    const since = new Date();

    const wrong = await checkSignIn(user.logonName, "wrong-password-123", ADDRESS);
    const missing = await checkSignIn(unknown, TEST_PASSWORD, ADDRESS);

    expect(wrong).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect(missing).toEqual(wrong);
    expect(await signInAudit(user.logonName)).toMatchObject([
      { action: "sign_in", outcome: "failed", actorId: user.id, detail: "Wrong password", clientAddress: ADDRESS },
    ]);
    expect(await unknownNameAudit(since)).toMatchObject([
      { action: "sign_in", outcome: "failed", actorId: null, detail: "Unknown logon name", clientAddress: ADDRESS },
    ]);
    const audit = JSON.stringify(await db().auditEvent.findMany({ where: { at: { gte: since } } }));
    expect(audit).not.toContain("wrong-password-123");
    expect(audit).not.toContain(TEST_PASSWORD);
    expect(audit.toLowerCase()).not.toContain(unknown.toLowerCase());
  });

  it("never records a name that matches no user (often a password typed into the name field), yet throttles it", async () => {
    const typed = uniqueName("Tr0ub4dor&3-in-the-name-field");
    const since = new Date();

    expect(await checkSignIn(typed, "whatever-password", ADDRESS)).toEqual({ ok: false, message: WRONG_CREDENTIALS });

    expect(await throttleOf(typed)).toMatchObject({ failures: 1 });
    const rows = await db().auditEvent.findMany({ where: { at: { gte: since } } });
    expect(rows).toMatchObject([{ actorName: UNKNOWN_LOGON_NAME, actorId: null, detail: "Unknown logon name" }]);
    expect(JSON.stringify(rows).toLowerCase()).not.toContain(typed.toLowerCase());
  });

  it("refuses a name or password with a NUL or control character before the database, with a clear message", async () => {
    const user = await makeUser();
    const since = new Date();
    const throttlesBefore = await db().signInThrottle.count();

    for (const [logonName, password] of [
      [`${user.logonName}\u0000`, TEST_PASSWORD],
      ["a\u0000b", "whatever-password"],
      [`${user.logonName}\u0007`, TEST_PASSWORD],
      [user.logonName, `${TEST_PASSWORD}\u0000`],
      [user.logonName, "\uD800broken"],
    ]) {
      const result = await checkSignIn(logonName ?? "", password ?? "", ADDRESS);
      expect(result.ok, JSON.stringify(logonName)).toBe(false);
      expect(result.ok ? "" : result.message).toMatch(/^Remove the /);
    }

    expect(await db().signInThrottle.count()).toBe(throttlesBefore);
    const rows = await unknownNameAudit(since);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.outcome === "failed" && r.actorId === null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
  });

  it("counts each failure against the name", async () => {
    const user = await makeUser();
    for (let i = 0; i < 3; i++) await checkSignIn(user.logonName, `wrong-${i}`, null);
    expect(await throttleOf(user.logonName)).toMatchObject({ failures: 3, lockedUntil: null });
  });

  it("refuses disabled and external users with the same answer, even with the right password", async () => {
    const disabled = await makeUser({ enabled: false });
    const external = await makeUser({ kind: "external", roles: ["integration"] });

    expect(await checkSignIn(disabled.logonName, TEST_PASSWORD, null)).toEqual({
      ok: false,
      message: WRONG_CREDENTIALS,
    });
    expect(await checkSignIn(external.logonName, TEST_PASSWORD, null)).toEqual({
      ok: false,
      message: WRONG_CREDENTIALS,
    });
    expect(await signInAudit(disabled.logonName)).toMatchObject([{ outcome: "failed", detail: "User is disabled" }]);
    expect(await signInAudit(external.logonName)).toMatchObject([
      { outcome: "failed", detail: "External users cannot sign in to the console" },
    ]);
  });

  it("locks the name at the tenth failure within fifteen minutes, then refuses even the right password", async () => {
    const user = await makeUser();
    await seedFailures(user.logonName, 9, new Date(Date.now() - 5 * MINUTE));
    const before = Date.now();

    const tenth = await checkSignIn(user.logonName, "wrong-password-123", ADDRESS);

    expect(tenth).toEqual({ ok: false, message: "Too many failed sign-ins. Try again in 15 minutes." });
    const state = await throttleOf(user.logonName);
    expect(state?.failures).toBe(10);
    expect(state?.lockedUntil?.getTime()).toBeGreaterThanOrEqual(before + THROTTLE_LOCK_MS);
    expect(state?.lockedUntil?.getTime()).toBeLessThanOrEqual(Date.now() + THROTTLE_LOCK_MS);

    const right = await checkSignIn(user.logonName, TEST_PASSWORD, ADDRESS);
    expect(right.ok).toBe(false);
    expect(right.ok ? "" : right.message).toMatch(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeNull();

    const audit = await signInAudit(user.logonName);
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      "sign_in:failed",
      "lockout:refused",
      "sign_in:refused",
    ]);
    expect(audit[1]?.detail).toMatch(/^Locked until .* after 10 failed sign-ins$/);
    expect(audit[2]?.detail).toBe("Logon name is locked");
  });

  it("locks unknown names the same way, so a lock says nothing about which names exist", async () => {
    const unknown = uniqueName("ghost");
    await seedFailures(unknown, 9);
    const since = new Date();

    const tenth = await checkSignIn(unknown, "whatever-password", null);

    expect(tenth).toEqual({ ok: false, message: "Too many failed sign-ins. Try again in 15 minutes." });
    expect((await throttleOf(unknown))?.lockedUntil).not.toBeNull();
    expect((await checkSignIn(unknown, "whatever-password", null)).ok).toBe(false);
    expect((await unknownNameAudit(since)).map((a) => `${a.action}:${a.outcome}`)).toEqual([
      "sign_in:failed",
      "lockout:refused",
      "sign_in:refused",
    ]);
  });

  it("lets the name sign in again once the lock has run out", async () => {
    const user = await makeUser();
    await seedFailures(user.logonName, 10, new Date(Date.now() - 20 * MINUTE), new Date(Date.now() - 1000));
    expect((await checkSignIn(user.logonName, TEST_PASSWORD, null)).ok).toBe(true);
    expect(await throttleOf(user.logonName)).toBeNull();
  });

  it("forgets failures older than fifteen minutes", async () => {
    const user = await makeUser();
    await seedFailures(user.logonName, 9, new Date(Date.now() - 16 * MINUTE));
    expect(await checkSignIn(user.logonName, "wrong-password-123", null)).toEqual({
      ok: false,
      message: WRONG_CREDENTIALS,
    });
    expect(await throttleOf(user.logonName)).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("counts every guess of a parallel burst: no more than ten passwords are tried before the lock", async () => {
    const user = await makeUser();
    const guesses = Array.from({ length: 15 }, (_, i) => `guess-number-${i}`);

    const results = await Promise.all(guesses.map((guess) => checkSignIn(user.logonName, guess, ADDRESS)));

    expect(results.every((r) => !r.ok)).toBe(true);
    const state = await throttleOf(user.logonName);
    expect(state?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    const audit = await signInAudit(user.logonName);
    expect(audit.filter((a) => a.action === "sign_in" && a.outcome === "failed")).toHaveLength(10);
    expect(audit.filter((a) => a.action === "lockout")).toHaveLength(1);
    expect(audit.filter((a) => a.action === "sign_in" && a.outcome === "refused")).toHaveLength(5);
  });
});
