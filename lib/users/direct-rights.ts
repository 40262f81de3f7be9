// Rights a user holds directly, besides those of their roles: granted like a role's rights (manage_rights,
// only rights the actor holds, only on areas and objects that exist), audited, and ending the user's sessions.
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { changeRecord, requireCurrent } from "../records/change";
import { requireGrantable } from "../rights/grantable";
import { requireHoldsAll, rightKey } from "../roles/grants";
import type { TRight } from "../roles/schemas";
import type { TSetUserRightsRequest } from "./direct-rights-schemas";
import { requireUserCapability, requireUserCapabilityOnHolder } from "./permissions";
import { fullSnapshot, USER, type UserWithRoles, userWithRoles } from "./record";

export function dedupeRights(rights: readonly TRight[]): TRight[] {
  return [...new Map(rights.map((r) => [rightKey(r), { ...r, objectId: r.objectId ?? null }])).values()];
}

/**
 * May the actor give these rights to a user (an existing one, or a new one when `userId` is undefined)?
 * Throws, audited where it is a refusal, unless they hold manage_rights and every right they hand on.
 */
export async function requireMayGrantDirect(actor: Actor, userId: string | undefined, added: readonly TRight[]) {
  await requireUserCapability(actor, "manageRights", userId ? { id: userId } : undefined);
  await requireHoldsAll(actor, added, "user rights");
  await requireGrantable(added);
}

/** Replaces the rights a user holds directly. */
export async function setUserRights(actor: Actor, input: TSetUserRightsRequest) {
  await requireUserCapability(actor, "modify", { id: input.id });
  const before = requireCurrent(
    USER,
    await db().user.findUnique({ where: { id: input.id }, include: userWithRoles }),
    input.version,
  );
  const rights = dedupeRights(input.rights);
  const beforeKeys = before.rights.map(rightKey).sort();
  const afterKeys = rights.map(rightKey).sort();
  if (JSON.stringify(beforeKeys) === JSON.stringify(afterKeys)) return before;
  const added = rights.filter((r) => !beforeKeys.includes(rightKey(r)));
  await requireMayGrantDirect(actor, input.id, added);
  await requireUserCapabilityOnHolder(actor, "setRights", before);
  return changeRecord<UserWithRoles, UserWithRoles>(actor, USER, {
    action: "modify",
    apply: async (tx) => {
      const user = await tx.user.update({
        where: { id: input.id, version: input.version },
        data: {
          version: { increment: 1 },
          // The user's rights changed: their sessions end and they sign in again under the new rights.
          authVersion: { increment: 1 },
          rights: { deleteMany: {}, create: rights },
        },
        include: userWithRoles,
      });
      return {
        result: user,
        objectId: user.id,
        objectName: user.logonName,
        version: user.version,
        changes: { rights: { from: beforeKeys, to: afterKeys } },
        snapshot: fullSnapshot(user),
      };
    },
  });
}
