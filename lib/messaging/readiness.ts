// Incoming authentication readiness. With "Use Local Http Authentication" on, a service whose type needs
// incoming authentication is ready when
// - its type signs callbacks (sinchconversation: the seed's "webhook" entry): that entry has a secret;
// - otherwise: an enabled external user holds Use on the service (or on all services), through a role or directly.
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { settingValue } from "../settings/service";
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

export interface UseGrants {
  enabled: boolean;
  all: boolean;
  ids: Set<string>;
}

/**
 * Which services enabled external users may use, and whether incoming authentication is on at all.
 * `onlyFor` limits the grants read to those that reach these services (a page of a list, one service):
 * with an incoming user per service, reading them all would cost as much as the whole table.
 */
export async function loadUseGrants(onlyFor?: readonly string[]): Promise<UseGrants> {
  const enabledExternal = { enabled: true, kind: "external" } as const;
  const reaching = onlyFor ? { OR: [{ objectId: null }, { objectId: { in: [...onlyFor] } }] } : {};
  const [enabled, roleGrants, directGrants] = await Promise.all([
    settingValue("useLocalHttpAuthentication"),
    db().roleRight.findMany({
      where: {
        objectType: "messaging_service",
        access: "use",
        ...reaching,
        role: { users: { some: { user: enabledExternal } } },
      },
      select: { objectId: true },
    }),
    // Rights held directly (the guided incoming-user flow grants them so), besides those of roles.
    db().userRight.findMany({
      where: { objectType: "messaging_service", access: "use", ...reaching, user: enabledExternal },
      select: { objectId: true },
    }),
  ]);
  const grants = [...roleGrants, ...directGrants];
  return {
    enabled,
    all: grants.some((g) => g.objectId === null),
    ids: new Set(grants.flatMap((g) => (g.objectId ? [g.objectId] : []))),
  };
}

const signingWhere: Prisma.MessagingCredentialWhereInput = {
  authId: { in: SIGNED.flatMap((t) => signingEntryId(t) ?? []) },
  secretSealed: { not: null },
};

/** Include this in a service query to know whether its signing entry has a secret. */
export const signingSecretInclude = { credentials: { where: signingWhere, select: { id: true } } } as const;

export function readinessOf(
  grants: UseGrants,
  service: { id: string; type: string; credentials?: { id: string }[] },
): Readiness {
  const type = isMessagingServiceType(service.type) ? service.type : null;
  const signs = type !== null && !!signingEntryId(type);
  const signingSecretSet = signs && (service.credentials?.length ?? 0) > 0;
  // A signing secret is checked whatever the setting says (see inbound.ts).
  if (!grants.enabled) return signingSecretSet ? "ready" : "off";
  if (type === null || !needsIncomingAuthentication(type)) return "not_needed";
  if (signs) return signingSecretSet ? "ready" : "missing";
  return grants.all || grants.ids.has(service.id) ? "ready" : "missing";
}

/** The same decision as a Prisma filter, so lists of any size filter in the database. */
export function readinessWhere(grants: UseGrants, wanted: Readiness): Prisma.MessagingServiceWhereInput {
  const none = { id: { in: [] as string[] } };
  const signedReady = { type: { in: SIGNED }, credentials: { some: signingWhere } };
  if (!grants.enabled) return wanted === "off" ? { NOT: signedReady } : wanted === "ready" ? signedReady : none;
  if (wanted === "off") return none;
  if (wanted === "not_needed") return { type: { notIn: NEEDING } };
  if (wanted === "ready") {
    return {
      OR: [signedReady, { type: { in: BY_USER }, ...(grants.all ? {} : { id: { in: [...grants.ids] } }) }],
    };
  }
  return {
    OR: [
      { type: { in: SIGNED }, credentials: { none: signingWhere } },
      ...(grants.all ? [] : [{ type: { in: BY_USER }, id: { notIn: [...grants.ids] } }]),
    ],
  };
}
