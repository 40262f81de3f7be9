// Key rotation: seal again, under the current key, every credential secret sealed with an older one.
// One transaction with its audit row: the trail says when secrets moved to a new key and how many.
import { recordAudit } from "../audit/record";
import { needsReseal } from "../crypto/seal";
import { db } from "../db";
import { openCredentialSecret, sealCredentialSecret } from "./credential-secret";

/** Who the audit trail names for a run of `npm run secrets:reseal`: the operating system's user, not a console user. */
export const RESEAL_ACTOR = { id: null, logonName: "secrets:reseal (command line)", clientAddress: null };

export async function resealCredentialSecrets(): Promise<{ checked: number; resealed: number }> {
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
    await recordAudit(tx, RESEAL_ACTOR, {
      action: "reseal",
      objectType: "messaging_service",
      detail: `${resealed} of ${credentials.length} stored secrets sealed again under the current key`,
    });
    return { checked: credentials.length, resealed };
  });
}
