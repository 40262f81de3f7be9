// How a messaging service reads in /api/v1: an allow-list of fields. Secrets are write-only, so a
// credential only says whether its secret is set; no sealed or plain value can be sent. The schemas are
// the OpenAPI document's (strict: a field not declared fails the tests' response checks).
import { z } from "zod";
import { zPageOf } from "../list/params";
import { ZTimestamp } from "../schemas";
import type { Readiness } from "./readiness";
import { isMessagingServiceType, MESSAGING_SERVICE_TYPES, type MessagingServiceType } from "./service-types";

const READINESS = ["ready", "missing", "not_needed", "off"] as const satisfies readonly Readiness[];

export const ZMessagingServiceResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(MESSAGING_SERVICE_TYPES),
  serviceConnection: z.string().describe("The outgoing connection URL (https)."),
  version: z.number().int().min(1),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});

const ZReadiness = z
  .enum(READINESS)
  .describe(
    "Whether incoming authentication can accept calls for this service: ready, missing (no user holds Use), not_needed, off.",
  );

export const ZMessagingServiceListResponse = zPageOf(
  ZMessagingServiceResponse.extend({ readiness: ZReadiness, credentialCount: z.number().int().min(0) }),
).extend({ incomingAuthentication: z.boolean().describe("Whether incoming authentication is switched on.") });

export const ZMessagingServiceDetailResponse = ZMessagingServiceResponse.extend({
  readiness: ZReadiness,
  credentials: z.array(
    z.object({
      id: z.uuid(),
      authId: z.string(),
      secret: z.enum(["set", "not set"]).describe("Secrets are write-only: only whether one is set."),
    }),
  ),
  incomingUsers: z
    .array(z.object({ id: z.uuid(), logonName: z.string(), enabled: z.boolean() }))
    .nullable()
    .describe("The external users holding Use on this service; null when the token's owner may view no user."),
});

export const ZIncomingUserResponse = z.object({ id: z.uuid(), logonName: z.string() });

export type TMessagingServiceResponse = z.input<typeof ZMessagingServiceResponse>;
export type TMessagingServiceListResponse = z.input<typeof ZMessagingServiceListResponse>;
export type TMessagingServiceDetailResponse = z.input<typeof ZMessagingServiceDetailResponse>;
export type TIncomingUserResponse = z.input<typeof ZIncomingUserResponse>;

interface ServiceRecord {
  id: string;
  name: string;
  type: string;
  serviceConnection: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

interface ServiceDetail extends ServiceRecord {
  credentials: { id: string; authId: string; secretSet: boolean }[];
  readiness: Readiness;
  incomingUsers: { id: string; logonName: string; enabled: boolean }[] | null;
}

type ListedService = ServiceRecord & { readiness: Readiness; _count: { credentials: number } };

/** Every write checks the type against the catalog, so a stored unknown one is a bug, not a reply. */
function knownType(type: string): MessagingServiceType {
  if (isMessagingServiceType(type)) return type;
  throw new Error(`A messaging service has a type the catalog does not know: ${type}`);
}

export function serviceView(service: ServiceRecord): TMessagingServiceResponse {
  return {
    id: service.id,
    name: service.name,
    type: knownType(service.type),
    serviceConnection: service.serviceConnection,
    version: service.version,
    createdAt: service.createdAt.toISOString(),
    updatedAt: service.updatedAt.toISOString(),
  };
}

export function serviceListView(
  page: Omit<TMessagingServiceListResponse, "rows"> & { rows: ListedService[] },
): TMessagingServiceListResponse {
  return {
    rows: page.rows.map((service) => ({
      ...serviceView(service),
      readiness: service.readiness,
      credentialCount: service._count.credentials,
    })),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    incomingAuthentication: page.incomingAuthentication,
  };
}

export function serviceDetailView(service: ServiceDetail): TMessagingServiceDetailResponse {
  return {
    ...serviceView(service),
    readiness: service.readiness,
    credentials: service.credentials.map((c) => ({
      id: c.id,
      authId: c.authId,
      secret: c.secretSet ? "set" : "not set",
    })),
    incomingUsers:
      service.incomingUsers?.map((u) => ({ id: u.id, logonName: u.logonName, enabled: u.enabled })) ?? null,
  };
}

export function incomingUserView(user: { id: string; logonName: string }): TIncomingUserResponse {
  return { id: user.id, logonName: user.logonName };
}
