// Proofs a signed-in user types to confirm it is them (the current password on the change-password
// form, a code to turn off the second factor): every guess counts toward the same lockout as
// sign-in, so a stolen session cannot be used to guess the password at leisure.
import { setTimeout as sleep } from "node:timers/promises";
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { AppError, invalid } from "../errors";
import type { Actor } from "./actor";
import { lockedMessage, reserveAttempt } from "./sign-in";
import { delayFor } from "./throttle";

export interface ProofTarget {
  id: string;
  logonKey: string;
  logonName: string;
}

export interface ProofCheck {
  /** The audit action of the operation the proof guards. */
  action: string;
  /** The form field the proof was typed into, for the message. */
  field: string;
  /** The message for a wrong proof, and the audit detail for it. */
  wrongMessage: string;
  wrongDetail: string;
  /** True when the proof is right; runs only when the logon name is not locked. */
  verify: () => Promise<boolean>;
}

/** Resolves when the proof is right (and clears earlier failures); throws a field error otherwise. */
export async function requireProof(actor: Actor, user: ProofTarget, check: ProofCheck): Promise<void> {
  const object = { objectType: "user", objectId: user.id, objectName: user.logonName } as const;
  const attempt = await reserveAttempt(user.logonKey, new Date());
  if (!attempt.next) {
    await recordAudit(db(), actor, {
      action: check.action,
      ...object,
      outcome: "refused",
      detail: "Logon name is locked",
    });
    const message = lockedMessage(attempt.lockedUntil);
    throw new AppError("locked", message, { [check.field]: [message] });
  }
  await sleep(delayFor(attempt.failures));
  if (await check.verify()) {
    await db().signInThrottle.deleteMany({ where: { logonKey: user.logonKey } });
    return;
  }
  const { lockedUntil, failures } = attempt.next;
  await db().$transaction(async (tx) => {
    await recordAudit(tx, actor, { action: check.action, ...object, outcome: "failed", detail: check.wrongDetail });
    if (lockedUntil) {
      await recordAudit(tx, actor, {
        action: "lockout",
        ...object,
        outcome: "refused",
        detail: `Locked until ${lockedUntil.toISOString()} after ${failures} failed attempts`,
      });
    }
  });
  const message = lockedUntil ? lockedMessage(lockedUntil) : check.wrongMessage;
  throw lockedUntil
    ? new AppError("locked", message, { [check.field]: [message] })
    : invalid({ [check.field]: [message] });
}
