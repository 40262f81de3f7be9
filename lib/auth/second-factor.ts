// The signed-in user's own second factor: enrol (secret, QR code, confirm with a code, recovery
// codes shown once), turn it off, replace the recovery codes. Every proof typed here counts toward
// the sign-in lockout; every change is audited.
import { recordAudit } from "../audit/record";
import { db, type Tx } from "../db";
import { invalid, notFound } from "../errors";
import { recordSecretChange } from "../users/record";
import type { Actor } from "./actor";
import { verifyPassword } from "./password";
import { requireProof } from "./proof";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { consumeTotpCode, openTotpSecret, sealTotpSecret } from "./second-factor-check";
import type { TConfirmEnrolmentRequest, TIdentityProofRequest } from "./second-factor-schemas";
import { newTotpSecret, normalizeTotpCode, totpUri, verifyTotp } from "./totp";

const EXTERNAL = "External users never sign in to the console and have no second factor.";

/** Names of the roles of this user that require a second factor. */
export async function rolesRequiringSecondFactor(userId: string): Promise<string[]> {
  const roles = await db().role.findMany({
    where: { requiresSecondFactor: true, users: { some: { userId } } },
    select: { name: true },
    orderBy: { nameKey: "asc" },
  });
  return roles.map((r) => r.name);
}

async function ownUser(actor: Actor) {
  const user = await db().user.findUnique({
    where: { id: actor.id },
    omit: { passwordHash: false, totpSecretSealed: false, totpPendingSealed: false },
  });
  if (!user) throw notFound("Your user");
  if (user.kind !== "console") throw invalid({}, EXTERNAL);
  return user;
}

const objectOf = (user: { id: string; logonName: string }) =>
  ({ objectType: "user", objectId: user.id, objectName: user.logonName }) as const;

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** What the security page shows; the pending secret only to its own user, to type into an app. */
export async function getSecondFactorStatus(actor: Actor) {
  const user = await ownUser(actor);
  const pendingSecret = user.totpPendingSealed ? openTotpSecret(user.id, user.totpPendingSealed) : null;
  return {
    enabledAt: user.totpSecretSealed ? user.totpEnabledAt : null,
    pending: pendingSecret ? { secret: pendingSecret, uri: totpUri(pendingSecret, user.logonName) } : null,
    recoveryCodesLeft: await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
    requiredBy: await rolesRequiringSecondFactor(user.id),
  };
}

export type TSecondFactorStatus = Awaited<ReturnType<typeof getSecondFactorStatus>>;

/** A new secret waiting for its first code; replaces any earlier unconfirmed one. */
export async function startEnrolment(actor: Actor): Promise<void> {
  const user = await ownUser(actor);
  if (user.totpSecretSealed)
    throw invalid({}, "A second factor is set up already. Turn it off first to set up another.");
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { totpPendingSealed: sealTotpSecret(user.id, newTotpSecret()) },
    });
    await recordAudit(tx, actor, { action: "second_factor_enrol", ...objectOf(user), detail: "Set-up started" });
  });
}

/** The first code proves the app holds the secret; answers the recovery codes, shown this once. */
export async function confirmEnrolment(
  actor: Actor,
  input: TConfirmEnrolmentRequest,
): Promise<{ recoveryCodes: string[] }> {
  const user = await ownUser(actor);
  const pendingSealed = user.totpPendingSealed;
  if (!pendingSealed) throw invalid({}, "Start the set-up again: no set-up is waiting for a code.");
  const secret = openTotpSecret(user.id, pendingSealed);
  let step: number | null = null;
  await requireProof(actor, user, {
    action: "second_factor_enrol",
    field: "code",
    wrongMessage: "This code is not correct. Check the app's time and enter the current code.",
    wrongDetail: "Wrong code to confirm the set-up",
    verify: async () => {
      step = await verifyTotp(secret, input.code);
      return step !== null;
    },
  });
  return db().$transaction(async (tx) => {
    // Only the set-up this code was checked against: a set-up restarted meanwhile is not confirmed.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpPendingSealed: pendingSealed },
      data: {
        totpSecretSealed: pendingSealed,
        totpPendingSealed: null,
        totpEnabledAt: new Date(),
        totpLastStep: step,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw invalid({}, "The set-up was restarted meanwhile. Scan the new QR code.");
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await recordSecretChange(tx, actor, user.id, "second_factor_enrol", { secondFactor: "set", recoveryCodes: "set" });
    return { recoveryCodes };
  });
}

/** A current authenticator code (used up like at sign-in) or the password proves it is the user. */
async function requireIdentity(actor: Actor, user: Awaited<ReturnType<typeof ownUser>>, action: string, proof: string) {
  await requireProof(actor, user, {
    action,
    field: "proof",
    wrongMessage: "This is neither a current code from your authenticator app nor your password.",
    wrongDetail: "Wrong code or password",
    verify: () =>
      normalizeTotpCode(proof) && user.totpSecretSealed
        ? consumeTotpCode(user, proof)
        : verifyPassword(user.passwordHash, proof),
  });
}

export async function disableSecondFactor(actor: Actor, input: TIdentityProofRequest): Promise<void> {
  const user = await ownUser(actor);
  if (!user.totpSecretSealed) throw invalid({}, "No second factor is set up.");
  const requiredBy = await rolesRequiringSecondFactor(user.id);
  if (requiredBy.length > 0) {
    throw invalid({}, `Your role ${requiredBy.join(", ")} requires a second factor: it cannot be turned off.`);
  }
  await requireIdentity(actor, user, "second_factor_disable", input.proof);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        totpSecretSealed: null,
        totpPendingSealed: null,
        totpEnabledAt: null,
        totpLastStep: null,
        version: { increment: 1 },
      },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await recordSecretChange(tx, actor, user.id, "second_factor_disable", {
      secondFactor: "cleared",
      recoveryCodes: "cleared",
    });
  });
}

export async function regenerateRecoveryCodes(
  actor: Actor,
  input: TIdentityProofRequest,
): Promise<{ recoveryCodes: string[] }> {
  const user = await ownUser(actor);
  if (!user.totpSecretSealed) throw invalid({}, "No second factor is set up.");
  await requireIdentity(actor, user, "recovery_codes_replace", input.proof);
  return db().$transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, actor, {
      action: "recovery_codes_replace",
      ...objectOf(user),
      changes: { recoveryCodes: "changed" },
    });
    return { recoveryCodes };
  });
}
