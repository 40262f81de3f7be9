// The signed-in actor for this request, or null when the session has ended for any reason:
// expired, user deleted or disabled, or their password or rights changed since they signed in.
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { db } from "../db";
import { readRows } from "../db/read-rows";
import { unauthenticated } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { clientAddressFrom } from "../request/client-address";
import { loadRights } from "../rights/load";
import type { Actor } from "./actor";
import { sessionCookieName } from "./secret";
import { sessionExpired } from "./session-policy";
import { readSessionToken } from "./session-token";

interface SessionUserRow {
  id: string;
  logonName: string;
  firstName: string;
  lastName: string;
  enabled: boolean;
  kind: string;
  authVersion: number;
  mustChangePassword: boolean;
  hasSecondFactor: boolean;
  roleRequiresSecondFactor: boolean;
  revoked: boolean;
}

/**
 * The user behind a session and whether the session was revoked, in one query: this runs on every page,
 * action and API call, where Prisma's nested include and a separate revocation count took four round trips.
 */
async function sessionUser(userId: string, sessionId: string | undefined): Promise<SessionUserRow | undefined> {
  const rows = await readRows<SessionUserRow>(Prisma.sql`
    SELECT u."id", u."logonName", u."firstName", u."lastName", u."enabled", u."kind"::text AS "kind",
           u."authVersion", u."mustChangePassword", u."totpEnabledAt" IS NOT NULL AS "hasSecondFactor",
           EXISTS (
             SELECT 1 FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId"
             WHERE ur."userId" = u."id" AND r."requiresSecondFactor"
           ) AS "roleRequiresSecondFactor",
           EXISTS (SELECT 1 FROM "RevokedSession" s WHERE s."sid" = ${sessionId ?? null}::text) AS "revoked"
    FROM "User" u
    WHERE u."id" = ${userId}`);
  return rows[0];
}

export const currentActor = cache(async (): Promise<Actor | null> => {
  // The check getServerSession makes, without next-auth's session endpoint around it (options, a CSRF token,
  // callbacks, a re-issued cookie that a page cannot set anyway) on every page, action and API call.
  const token = await readSessionToken((await cookies()).get(sessionCookieName())?.value);
  if (!token?.sub || sessionExpired(token.at)) return null;
  // A session without an id predates revocation; it still meets the 8-hour limit.
  const user = await sessionUser(token.sub, token.sid);
  if (!user || user.revoked) return null;
  if (!user.enabled || user.kind !== "console" || user.authVersion !== token.av) return null;
  const requestHeaders = await headers();
  return {
    id: user.id,
    logonName: user.logonName,
    displayName: `${user.firstName} ${user.lastName}`.trim() || user.logonName,
    rights: await loadRights(db(), user.id),
    clientAddress: clientAddressFrom(requestHeaders.get("x-forwarded-for"), requestHeaders.get("x-real-ip")),
    mustChangePassword: user.mustChangePassword,
    mustEnrolSecondFactor: !user.hasSecondFactor && user.roleRequiresSecondFactor,
  };
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw unauthenticated();
  return actor;
}
