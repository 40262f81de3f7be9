// Key rotation: seal again, under the current key, every credential secret sealed with an older one.
// One transaction with its audit row: the trail says when secrets moved to a new key and how many.
import { recordAudit } from "../audit/record";
import { needsReseal } from "../crypto/seal";
import { db, type Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { openCredentialSecret, sealCredentialSecret } from "./credential-secret";

/** Who the audit trail names for a run of `npm run secrets:reseal`: the operating system's user, not a console user. */
export const RESEAL_ACTOR = { id: null, logonName: "secrets:reseal (command line)", clientAddress: null };

type Sealed = { id?: unknown; secretSealed?: unknown };

/**
 * Revisions hold the sealed secrets a restore brings back: they move to the current key too, or a restore
 * after the previous key is retired would bring back a secret nobody can open.
 */
async function resealRevisions(tx: Tx): Promise<number> {
  const revisions = await tx.revision.findMany({
    where: { objectType: "messaging_service" },
    select: { id: true, snapshot: true },
  });
  let resealed = 0;
  for (const revision of revisions) {
    const snapshot = revision.snapshot as { credentials?: Sealed[] } | null;
    if (!snapshot || !Array.isArray(snapshot.credentials)) continue;
    let changed = false;
    const credentials = snapshot.credentials.map((credential) => {
      const { id, secretSealed } = credential;
      if (typeof id !== "string" || typeof secretSealed !== "string" || !needsReseal(secretSealed)) return credential;
      changed = true;
      resealed += 1;
      return { ...credential, secretSealed: sealCredentialSecret(id, openCredentialSecret(id, secretSealed)) };
    });
    if (changed) {
      await tx.revision.update({
        where: { id: revision.id },
        data: { snapshot: { ...snapshot, credentials } as Prisma.InputJsonObject },
      });
    }
  }
  return resealed;
}

export async function resealCredentialSecrets(): Promise<{ checked: number; resealed: number; inRevisions: number }> {
  return db().$transaction(async (tx) => {
    const credentials = await tx.messagingCredential.findMany({
      where: { secretSealed: { not: null } },
      select: { id: true, secretSealed: true },
    });
    let resealed = 0;
    for (const { id, secretSealed } of credentials) {
      if (!secretSealed || !needsReseal(secretSealed)) continue;
      const fresh = sealCredentialSecret(id, openCredentialSecret(id, secretSealed));
      // Only if nobody changed it meanwhile.
      const { count } = await tx.messagingCredential.updateMany({
        where: { id, secretSealed },
        data: { secretSealed: fresh },
      });
      resealed += count;
    }
    const inRevisions = await resealRevisions(tx);
    await recordAudit(tx, RESEAL_ACTOR, {
      action: "reseal",
      objectType: "messaging_service",
      detail:
        `${resealed} of ${credentials.length} stored secrets sealed again under the current key` +
        (inRevisions > 0 ? `, and ${inRevisions} held by revisions` : ""),
    });
    return { checked: credentials.length, resealed, inRevisions };
  });
}
