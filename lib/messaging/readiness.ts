// Incoming authentication readiness. With "Use Local Http Authentication" on, a service whose type needs
// incoming authentication is ready when
// - its type signs callbacks (sinchconversation: the seed's "webhook" entry): that entry has a secret;
// - otherwise: an enabled external user holds Use on the service (or on all services), through a role or directly.
import { readRows } from "../db/read-rows";
import { Prisma } from "../generated/prisma/client";
import { settingFromStored } from "../settings/service";
import {
  isMessagingServiceType,
  MESSAGING_SERVICE_TYPES,
  needsIncomingAuthentication,
  signingEntryId,
} from "./service-types";

export { signingEntryId };

export type Readiness = "ready" | "missing" | "not_needed" | "off";

/** The readiness values a list can be filtered by ("off" is a state of the whole server, not a filter). */
export const READINESS_FILTERS = ["ready", "missing", "not_needed"] as const satisfies readonly Readiness[];

export const READINESS_LABELS: Record<Readiness, string> = {
  ready: "Ready",
  missing: "Not ready",
  not_needed: "Not needed",
  off: "Authentication off",
};

const NEEDING = MESSAGING_SERVICE_TYPES.filter((t) => needsIncomingAuthentication(t));
const SIGNED = NEEDING.filter((t) => signingEntryId(t));
const BY_USER = NEEDING.filter((t) => !signingEntryId(t));

// The grants' conditions on their holders, each a probe per grant (OFFSET 0 keeps PostgreSQL from hashing
// the whole membership or user table for the few grants a page or a service needs).
/** The role of the grant `rr` has an enabled external member (UserRole's roleId index, then User's key). */
const ENABLED_EXTERNAL_MEMBER = Prisma.sql`EXISTS (
    SELECT 1 FROM "UserRole" ur JOIN "User" u ON u."id" = ur."userId"
    WHERE ur."roleId" = rr."roleId" AND u."enabled" AND u."kind" = 'external' OFFSET 0)`;
/** The holder of the direct grant `d` is an enabled external user. */
const ENABLED_EXTERNAL_HOLDER = Prisma.sql`EXISTS (
    SELECT 1 FROM "User" u WHERE u."id" = d."userId" AND u."enabled" AND u."kind" = 'external' OFFSET 0)`;

/** The server-wide part of readiness: whether incoming authentication is on, and any Use on all services. */
export interface UseGrants {
  enabled: boolean;
  all: boolean;
  /** Whether a grant names the service loadUseGrants was asked about (false when it was asked about none). */
  granted: boolean;
}

/**
 * Whether incoming authentication is on, whether enabled external users may use every service, and, given
 * a service, whether one holds Use on it by its id. Role grants and direct grants (the guided incoming-user
 * flow grants so) with the setting in one statement: it runs on every view of the list and of a service.
 * A list asks about no service: each row reads its own grant (READINESS_COLUMNS).
 */
export async function loadUseGrants(serviceId?: string): Promise<UseGrants> {
  const reaching = (column: string) => {
    const objectId = Prisma.raw(column);
    return serviceId
      ? Prisma.sql`(${objectId} IS NULL OR ${objectId} = ${serviceId})`
      : Prisma.sql`${objectId} IS NULL`;
  };
  // The setting with the grants, as an array of their objectIds (null: Use on all services): one statement.
  const [row] = await readRows<{ setting: unknown; objectIds: (string | null)[] }>(Prisma.sql`
    SELECT (SELECT "value" FROM "Setting" WHERE "key" = 'useLocalHttpAuthentication') AS "setting",
      ARRAY(
        SELECT rr."objectId" FROM "RoleRight" rr
        WHERE rr."objectType" = 'messaging_service' AND rr."access" = 'use' AND ${reaching('rr."objectId"')}
          AND ${ENABLED_EXTERNAL_MEMBER}
        UNION ALL
        SELECT d."objectId" FROM "UserRight" d
        WHERE d."objectType" = 'messaging_service' AND d."access" = 'use' AND ${reaching('d."objectId"')}
          AND ${ENABLED_EXTERNAL_HOLDER}
      ) AS "objectIds"`);
  const objectIds = row?.objectIds ?? [];
  return {
    enabled: settingFromStored("useLocalHttpAuthentication", row?.setting),
    all: objectIds.includes(null),
    granted: serviceId !== undefined && objectIds.includes(serviceId),
  };
}

const SIGNING_IDS = SIGNED.flatMap((t) => signingEntryId(t) ?? []);

export function readinessOf(
  grants: Pick<UseGrants, "enabled" | "all">,
  service: { type: string; signingSecretSet: boolean; useGranted: boolean },
): Readiness {
  const type = isMessagingServiceType(service.type) ? service.type : null;
  const signs = type !== null && !!signingEntryId(type);
  const signingSecretSet = signs && service.signingSecretSet;
  // A signing secret is checked whatever the setting says (see inbound.ts).
  if (!grants.enabled) return signingSecretSet ? "ready" : "off";
  if (type === null || !needsIncomingAuthentication(type)) return "not_needed";
  if (signs) return signingSecretSet ? "ready" : "missing";
  return grants.all || service.useGranted ? "ready" : "missing";
}

const sqlList = (values: readonly string[]) => (values.length ? Prisma.join([...values]) : null);

/** `column IN (values)`, or FALSE for no values (IN () is not SQL). */
function inList(column: Prisma.Sql, values: readonly string[]): Prisma.Sql {
  const list = sqlList(values);
  return list ? Prisma.sql`${column} IN (${list})` : Prisma.sql`FALSE`;
}

/** Whether the service `s` has its signing entry's secret (a probe through the (serviceId, authId) index). */
const SIGNING_SECRET_SET = Prisma.sql`EXISTS (
    SELECT 1 FROM "MessagingCredential" c
    WHERE c."serviceId" = s."id" AND ${inList(Prisma.sql`c."authId"`, SIGNING_IDS)} AND c."secretSealed" IS NOT NULL OFFSET 0)`;

/** Whether an enabled external user holds Use on the service `s` by its id, directly or through a role. */
const USE_GRANTED = Prisma.sql`(EXISTS (
      SELECT 1 FROM "UserRight" d
      WHERE d."objectId" = s."id" AND d."objectType" = 'messaging_service' AND d."access" = 'use'
        AND ${ENABLED_EXTERNAL_HOLDER} OFFSET 0)
    OR EXISTS (
      SELECT 1 FROM "RoleRight" rr
      WHERE rr."objectId" = s."id" AND rr."objectType" = 'messaging_service' AND rr."access" = 'use'
        AND ${ENABLED_EXTERNAL_MEMBER}
      OFFSET 0))`;

/**
 * The same decision as an SQL condition on the services table aliased `s`, so lists of any size filter
 * in the database. Grants are looked up per service (EXISTS through the rights' objectId indexes), never
 * listed: with an incoming user per service, `id NOT IN (every granted id)` grew with the table.
 * `grants` is the server-wide part (loadUseGrants()).
 * Each EXISTS ends in OFFSET 0 so that PostgreSQL keeps it a probe per row through those indexes: it
 * would otherwise hash the whole credentials and rights tables first (it plans as if every service were
 * tested, not the few a page of 25 needs). On PostgreSQL 15 at 10,000 services, 5,050 grants: the page
 * 5-11 ms hashed, 0.5 ms probed.
 */
export function readinessSql(grants: Pick<UseGrants, "enabled" | "all">, wanted: Readiness): Prisma.Sql {
  const type = Prisma.sql`s."type"`;
  const signedReady = Prisma.sql`(${inList(type, SIGNED)} AND ${SIGNING_SECRET_SET})`;
  if (!grants.enabled) {
    if (wanted === "off") return Prisma.sql`NOT ${signedReady}`;
    return wanted === "ready" ? signedReady : Prisma.sql`FALSE`;
  }
  if (wanted === "off") return Prisma.sql`FALSE`;
  const needing = inList(type, NEEDING);
  if (wanted === "not_needed") return Prisma.sql`NOT ${needing}`;
  const byUser = inList(type, BY_USER);
  if (wanted === "ready") {
    return grants.all
      ? Prisma.sql`(${signedReady} OR ${byUser})`
      : Prisma.sql`(${signedReady} OR (${byUser} AND ${USE_GRANTED}))`;
  }
  const signedMissing = Prisma.sql`(${inList(type, SIGNED)} AND NOT ${SIGNING_SECRET_SET})`;
  return grants.all ? signedMissing : Prisma.sql`(${signedMissing} OR (${byUser} AND NOT ${USE_GRANTED}))`;
}

/**
 * What readinessOf needs of each service of a page, as select items on the page's rows (`s`): how many
 * credentials it has, whether its signing entry has a secret, and whether an enabled external user holds
 * Use on it by name. In the page's own statement: one probe per row through the indexes, where separate
 * reads of the grants and the credentials for the page's ids cost two more statements and their planning.
 */
export const READINESS_COLUMNS: readonly Prisma.Sql[] = [
  Prisma.sql`(SELECT COUNT(*)::int FROM "MessagingCredential" c WHERE c."serviceId" = s."id") AS "credentials"`,
  Prisma.sql`${SIGNING_SECRET_SET} AS "signingSecretSet"`,
  Prisma.sql`${USE_GRANTED} AS "useGranted"`,
];
