// Checking a sign-in: input, throttle, password, account state, second factor, audit. Unknown names and
// wrong passwords take the same path, the same time and get the same message.
import { setTimeout as sleep } from "node:timers/promises";
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { ZSignInRequest } from "./schemas";
import { consumeSignInCode } from "./second-factor-check";
import { CODE_REQUIRED, WRONG_CODE, WRONG_CREDENTIALS } from "./sign-in-messages";
import { activeFailures, afterFailure, delayFor, isLocked, type ThrottleState } from "./throttle";

export { CODE_REQUIRED, WRONG_CODE, WRONG_CREDENTIALS };

/**
 * How the audit trail names the actor of a sign-in whose name matches no user: what was typed is often
 * a password typed into the wrong field, so it is never recorded (the throttle still counts by it).
 */
export const UNKNOWN_LOGON_NAME = "(unknown logon name)";

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

export type Attempt =
  | { next: ThrottleState; failures: number; previous: ThrottleState }
  | { next: null; lockedUntil: Date };

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
    return { next, failures: activeFailures(state, now), previous: state };
  });
}

/**
 * `code` is the second factor: without it, a user who has one gets CODE_REQUIRED once the password
 * is right (that answer does not count as a failure); a wrong or reused code counts like a wrong
 * password.
 */
export async function checkSignIn(
  logonName: string,
  password: string,
  clientAddress: string | null,
  code = "",
): Promise<SignInResult> {
  const parsed = ZSignInRequest.safeParse({ logonName, password, code });
  if (!parsed.success) {
    // Empty, overlong or unstorable input can match no user: refused before it reaches the throttle.
    await recordAudit(
      db(),
      { id: null, logonName: UNKNOWN_LOGON_NAME, clientAddress },
      { action: "sign_in", outcome: "failed", detail: "Logon name or password empty, too long or not storable" },
    );
    return { ok: false, message: parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS };
  }
  const logonKey = logonKeyOf(parsed.data.logonName);
  const now = new Date();
  const attempt = await reserveAttempt(logonKey, now);
  const user = await db().user.findUnique({
    where: { logonKey },
    omit: { passwordHash: false, totpSecretSealed: false },
  });
  const attempted = { id: null, logonName: user?.logonName ?? UNKNOWN_LOGON_NAME, clientAddress };

  if (!attempt.next) {
    await recordAudit(db(), attempted, { action: "sign_in", outcome: "refused", detail: "Logon name is locked" });
    return { ok: false, message: lockedMessage(attempt.lockedUntil) };
  }
  const next = attempt.next;

  await sleep(delayFor(attempt.failures));
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  const mayEnter = !!user && passwordOk && user.enabled && user.kind === "console";

  let codeProblem: string | null = null;
  if (mayEnter && user.totpSecretSealed) {
    if (!parsed.data.code) {
      // The password was right: this attempt was not a guess, so it leaves the count as it was.
      const { failures, windowStart, lockedUntil } = attempt.previous;
      await db().signInThrottle.update({ where: { logonKey }, data: { failures, windowStart, lockedUntil } });
      return { ok: false, message: CODE_REQUIRED };
    }
    const check = await consumeSignInCode(user, parsed.data.code, now);
    if (check.ok && check.kind === "recovery") {
      const left = await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } });
      await recordAudit(
        db(),
        { ...attempted, id: user.id, logonName: user.logonName },
        {
          action: "recovery_code_use",
          objectType: "user",
          objectId: user.id,
          objectName: user.logonName,
          detail: `Signed in with a recovery code; ${left} left`,
        },
      );
    }
    if (!check.ok) codeProblem = check.reason;
  }

  if (mayEnter && !codeProblem) {
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
    const reason = codeProblem
      ? codeProblem
      : !user
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
  const wrong = codeProblem ? WRONG_CODE : WRONG_CREDENTIALS;
  return { ok: false, message: next.lockedUntil ? lockedMessage(next.lockedUntil) : wrong };
}
