// Checking a second-factor code at sign-in or as a proof: an authenticator code (each time step
// once only) or a recovery code (each once only). Both are consumed by a conditional update, so two
// requests racing with the same code cannot both succeed.
import { open, seal } from "../crypto/seal";
import { db } from "../db";
import { hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { normalizeTotpCode, verifyTotp } from "./totp";

/** Sealed TOTP secrets are bound to their user: a value copied to another user does not open. */
const binding = (userId: string) => `user-totp:${userId}`;

export const sealTotpSecret = (userId: string, secret: string) => seal(secret, binding(userId));
export const openTotpSecret = (userId: string, sealed: string) => open(sealed, binding(userId));

export interface SecondFactorUser {
  id: string;
  totpSecretSealed: string | null;
  totpLastStep: number | null;
}

export type CodeCheck = { ok: true; kind: "totp" | "recovery" } | { ok: false; reason: string };

export async function consumeTotpCode(user: SecondFactorUser, code: string, now = new Date()): Promise<boolean> {
  if (!user.totpSecretSealed) return false;
  const secret = openTotpSecret(user.id, user.totpSecretSealed);
  const step = await verifyTotp(secret, code, { lastStep: user.totpLastStep, now });
  if (step === null) return false;
  const { count } = await db().user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

export async function consumeRecoveryCode(userId: string, code: string, now = new Date()): Promise<boolean> {
  const { count } = await db().recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

/** A sign-in code: six digits are an authenticator code, anything else is tried as a recovery code. */
export async function consumeSignInCode(user: SecondFactorUser, code: string, now = new Date()): Promise<CodeCheck> {
  if (normalizeTotpCode(code)) {
    return (await consumeTotpCode(user, code, now))
      ? { ok: true, kind: "totp" }
      : { ok: false, reason: "Wrong or already used authenticator code" };
  }
  if (normalizeRecoveryCode(code) && (await consumeRecoveryCode(user.id, code, now))) {
    return { ok: true, kind: "recovery" };
  }
  return { ok: false, reason: "Wrong or already used recovery code" };
}
