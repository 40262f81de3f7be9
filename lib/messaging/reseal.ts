// Key rotation: seal again, under the current key, every credential secret sealed with an older one.
import { needsReseal } from "../crypto/seal";
import { db } from "../db";
import { openCredentialSecret, sealCredentialSecret } from "./credential-secret";

export async function resealCredentialSecrets(): Promise<{ checked: number; resealed: number }> {
  const credentials = await db().messagingCredential.findMany({
    where: { secretSealed: { not: null } },
    select: { id: true, secretSealed: true },
  });
  let resealed = 0;
  for (const { id, secretSealed } of credentials) {
    if (!secretSealed || !needsReseal(secretSealed)) continue;
    const fresh = sealCredentialSecret(id, openCredentialSecret(id, secretSealed));
    // Only if nobody changed it meanwhile.
    const { count } = await db().messagingCredential.updateMany({
      where: { id, secretSealed },
      data: { secretSealed: fresh },
    });
    resealed += count;
  }
  return { checked: credentials.length, resealed };
}
