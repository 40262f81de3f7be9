// Checking a sign-in: throttle, password, account state, audit. Unknown names and wrong passwords
// take the same path, the same time and get the same message.
import { setTimeout as sleep } from "node:timers/promises";
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { activeFailures, afterFailure, delayFor, isLocked, type ThrottleState } from "./throttle";

export const WRONG_CREDENTIALS = "The logon name or password is not correct.";

export function lockedMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export type SignInResult =
  | { ok: true; user: { id: string; logonName: string; authVersion: number } }
  | { ok: false; message: string };

export function logonKeyOf(logonName: string): string {
  return logonName.trim().toLowerCase().slice(0, 200);
}

export type Attempt = { next: ThrottleState; failures: number } | { next: null; lockedUntil: Date };

/**
 * Counts the attempt as a failure before the password is checked (a success clears the count), with
 * the name's row locked: parallel guesses take turns and each one counts, so a burst of them cannot
 * outrun the lock. Returns the state to keep if the attempt fails, or the lock that refuses it.
 */
export async function reserveAttempt(logonKey: string, now: Date): Promise<Attempt> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "SignInThrottle" ("logonKey", "failures", "windowStart") VALUES (${logonKey}, 0, ${now}) ON CONFLICT DO NOTHING`;
    await tx.$queryRaw`SELECT 1 FROM "SignInThrottle" WHERE "logonKey" = ${logonKey} FOR UPDATE`;
    const state = await tx.signInThrottle.findUniqueOrThrow({ where: { logonKey } });
    if (isLocked(state, now) && state.lockedUntil) return { next: null, lockedUntil: state.lockedUntil };
    const next = afterFailure(state, now);
    await tx.signInThrottle.update({ where: { logonKey }, data: next });
    return { next, failures: activeFailures(state, now) };
  });
}

export async function checkSignIn(
  logonName: string,
  password: string,
  clientAddress: string | null,
): Promise<SignInResult> {
  const logonKey = logonKeyOf(logonName);
  const attempted = { id: null, logonName: logonKey || "(empty)", clientAddress };
  const now = new Date();
  const attempt = await reserveAttempt(logonKey, now);

  if (!attempt.next) {
    await recordAudit(db(), attempted, { action: "sign_in", outcome: "refused", detail: "Logon name is locked" });
    return { ok: false, message: lockedMessage(attempt.lockedUntil) };
  }
  const next = attempt.next;

  await sleep(delayFor(attempt.failures));
  const user = logonKey ? await db().user.findUnique({ where: { logonKey }, omit: { passwordHash: false } }) : null;
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);

  if (user && passwordOk && user.enabled && user.kind === "console") {
    await db().$transaction(async (tx) => {
      await tx.signInThrottle.deleteMany({ where: { logonKey } });
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
      await recordAudit(
        tx,
        { ...attempted, id: user.id, logonName: user.logonName },
        {
          action: "sign_in",
          objectType: "user",
          objectId: user.id,
          objectName: user.logonName,
        },
      );
    });
    return { ok: true, user: { id: user.id, logonName: user.logonName, authVersion: user.authVersion } };
  }

  await db().$transaction(async (tx) => {
    const reason = !user
      ? "Unknown logon name"
      : !passwordOk
        ? "Wrong password"
        : user.kind !== "console"
          ? "External users cannot sign in to the console"
          : "User is disabled";
    await recordAudit(
      tx,
      { ...attempted, id: user?.id ?? null },
      { action: "sign_in", outcome: "failed", detail: reason },
    );
    if (next.lockedUntil) {
      await recordAudit(tx, attempted, {
        action: "lockout",
        outcome: "refused",
        detail: `Locked until ${next.lockedUntil.toISOString()} after ${next.failures} failed sign-ins`,
      });
    }
  });
  return { ok: false, message: next.lockedUntil ? lockedMessage(next.lockedUntil) : WRONG_CREDENTIALS };
}
