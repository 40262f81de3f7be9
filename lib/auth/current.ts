// The signed-in actor for this request, or null when the session has ended for any reason:
// expired, user deleted or disabled, or their password or rights changed since they signed in.
import { cookies, headers } from "next/headers";
import type { JWT } from "next-auth/jwt";
import { cache } from "react";
import { readRows } from "../db/read-rows";
import { unauthenticated } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { clientAddressFrom } from "../request/client-address";
import { type GrantRow, grantsSql, rightsOf } from "../rights/load";
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
  /** The user's grants (grantsSql's rows, as JSON). */
  grants: GrantRow[];
}

/**
 * The user behind a session, whether the session was revoked, and the user's grants, in one statement: this
 * runs on every page, action and API call, where Prisma's nested include, a separate revocation count and
 * the rights' read took five round trips. (A refused session's grants are read and dropped: cheaper than a
 * second statement for every accepted one.)
 */
async function sessionUser(userId: string, sessionId: string | undefined): Promise<SessionUserRow | undefined> {
  const rows = await readRows<SessionUserRow>(Prisma.sql`
    SELECT u."id", u."logonName", u."firstName", u."lastName", u."enabled", u."kind"::text AS "kind",
           u."authVersion", u."mustChangePassword", u."totpEnabledAt" IS NOT NULL AS "hasSecondFactor",
           EXISTS (
             SELECT 1 FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId"
             WHERE ur."userId" = u."id" AND r."requiresSecondFactor"
           ) AS "roleRequiresSecondFactor",
           EXISTS (SELECT 1 FROM "RevokedSession" s WHERE s."sid" = ${sessionId ?? null}::text) AS "revoked",
           COALESCE((SELECT json_agg(g ORDER BY g."held") FROM (${grantsSql(Prisma.sql`u."id"`)}) g), '[]'::json)
             AS "grants"
    FROM "User" u
    WHERE u."id" = ${userId}`);
  return rows[0];
}

export const currentActor = cache(async (): Promise<Actor | null> => {
  // The check getServerSession makes, without next-auth's session endpoint around it (options, a CSRF token,
  // callbacks, a re-issued cookie that a page cannot set anyway) on every page, action and API call.
  const token = await readSessionToken((await cookies()).get(sessionCookieName())?.value);
  return sessionActor(token, await headers());
});

/**
 * The actor of a session cookie's token (readSessionToken), or null when the session has ended: expired,
 * revoked, the user deleted, disabled or not a console user, or their password or rights changed since.
 */
export async function sessionActor(token: JWT | null, requestHeaders: Pick<Headers, "get">): Promise<Actor | null> {
  if (!token?.sub || sessionExpired(token.at)) return null;
  // A session without an id predates revocation; it still meets the 8-hour limit.
  const user = await sessionUser(token.sub, token.sid);
  if (!user || user.revoked) return null;
  if (!user.enabled || user.kind !== "console" || user.authVersion !== token.av) return null;
  return {
    id: user.id,
    logonName: user.logonName,
    displayName: `${user.firstName} ${user.lastName}`.trim() || user.logonName,
    rights: rightsOf(user.grants),
    clientAddress: clientAddressFrom(requestHeaders.get("x-forwarded-for"), requestHeaders.get("x-real-ip")),
    mustChangePassword: user.mustChangePassword,
    mustEnrolSecondFactor: !user.hasSecondFactor && user.roleRequiresSecondFactor,
  };
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw unauthenticated();
  return actor;
}
