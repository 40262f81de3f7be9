// The signed-in actor for this request, or null when the session has ended for any reason:
// expired, user deleted or disabled, or their password or rights changed since they signed in.
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "../db";
import { unauthenticated } from "../errors";
import { clientAddressFrom } from "../request/client-address";
import { loadRights } from "../rights/load";
import type { Actor } from "./actor";
import { authOptions } from "./next-auth";
import { isRevoked } from "./revoked-sessions";
import { sessionExpired } from "./session-policy";

export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId || sessionExpired(session.authTime) || (await isRevoked(session.sessionId))) return null;
  const user = await db().user.findUnique({
    where: { id: session.userId },
    include: { roles: { where: { role: { requiresSecondFactor: true } }, select: { roleId: true }, take: 1 } },
  });
  if (!user?.enabled || user.kind !== "console" || user.authVersion !== session.authVersion) return null;
  const requestHeaders = await headers();
  return {
    id: user.id,
    logonName: user.logonName,
    displayName: `${user.firstName} ${user.lastName}`.trim() || user.logonName,
    rights: await loadRights(db(), user.id),
    clientAddress: clientAddressFrom(requestHeaders.get("x-forwarded-for"), requestHeaders.get("x-real-ip")),
    mustChangePassword: user.mustChangePassword,
    mustEnrolSecondFactor: !user.totpEnabledAt && user.roles.length > 0,
  };
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw unauthenticated();
  return actor;
}
