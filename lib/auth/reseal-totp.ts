// Key rotation: seal again, under the current key, every TOTP secret (confirmed or pending) sealed
// with an older one; otherwise dropping the old key would lock everyone with a second factor out.
import { needsReseal } from "../crypto/seal";
import { db } from "../db";
import { openTotpSecret, sealTotpSecret } from "./second-factor-check";

const COLUMNS = ["totpSecretSealed", "totpPendingSealed"] as const;

export async function resealTotpSecrets(): Promise<{ checked: number; resealed: number }> {
  const users = await db().user.findMany({
    where: { OR: COLUMNS.map((column) => ({ [column]: { not: null } })) },
    select: { id: true, totpSecretSealed: true, totpPendingSealed: true },
  });
  let checked = 0;
  let resealed = 0;
  for (const user of users) {
    for (const column of COLUMNS) {
      const sealed = user[column];
      if (!sealed) continue;
      checked += 1;
      if (!needsReseal(sealed)) continue;
      // Only if nobody changed it meanwhile.
      const { count } = await db().user.updateMany({
        where: { id: user.id, [column]: sealed },
        data: { [column]: sealTotpSecret(user.id, openTotpSecret(user.id, sealed)) },
      });
      resealed += count;
    }
  }
  return { checked, resealed };
}
