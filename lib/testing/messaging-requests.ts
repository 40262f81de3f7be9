// Messaging service inputs as the action wrapper hands them over: parsed by the same schemas as the form.
import { randomBytes } from "node:crypto";
import { db } from "../db";
import {
  type TCreateMessagingServiceRequest,
  type TUpdateMessagingServiceRequest,
  ZCreateMessagingServiceRequest,
  ZUpdateMessagingServiceRequest,
} from "../messaging/schemas";
import type { MessagingServiceType } from "../messaging/service-types";
import { uniqueName } from "./factories";

export const SINCH_OUTGOING_ID = "5b4c7e2a-1f3d-4c8e-9a6b-0d2e4f6a8c1e@01HV7Q3M2N4P5R6S7T8V9W0X1Y";

/** Authentication IDs that each type accepts, one valid set per type (sinchconversation without webhook). */
export const VALID_AUTH_IDS: Record<MessagingServiceType, string[]> = {
  facebook: ["104729381234567", "204729381234568"],
  sap365: ["sap-user"],
  twilio: ["AC0123456789abcdef"],
  social365: ["jane.doe@A1B2C3", "max@example.com@B2C3D4"],
  c4semail: ["c4s-user"],
  sinchconversation: [SINCH_OUTGOING_ID],
  sinchsms: ["sinch-user"],
  wavy: ["wavy-user"],
};

/** A secret no other call returns, so a search for it cannot match by accident. */
export function uniqueSecret(label = "secret"): string {
  return `${label}-${randomBytes(12).toString("hex")}`;
}

export type NewEntry = { authId: string; secret: string };

/** New entries for a type's valid IDs, each with its own fresh secret. */
export function newEntries(type: MessagingServiceType, extra: NewEntry[] = []): NewEntry[] {
  return [...VALID_AUTH_IDS[type].map((authId) => ({ authId, secret: uniqueSecret(type) })), ...extra];
}

export function createServiceRequest(
  type: MessagingServiceType,
  options: { name?: string; serviceConnection?: string; entries?: NewEntry[] } = {},
): TCreateMessagingServiceRequest {
  return ZCreateMessagingServiceRequest.parse({
    name: options.name ?? uniqueName(`svc-${type}`),
    type,
    serviceConnection: options.serviceConnection ?? "https://provider.example.com/send",
    credentials: (options.entries ?? newEntries(type)).map(({ authId, secret }) => ({
      authId,
      secret: { action: "replace", value: secret },
    })),
  });
}

/** The edit form of a service as it stands in the database now (every secret kept), with changes. */
export async function updateServiceRequest(
  id: string,
  overrides: Partial<Record<keyof TUpdateMessagingServiceRequest, unknown>> = {},
): Promise<TUpdateMessagingServiceRequest> {
  const service = await db().messagingService.findUniqueOrThrow({
    where: { id },
    include: { credentials: { orderBy: { position: "asc" } } },
  });
  return ZUpdateMessagingServiceRequest.parse({
    id,
    version: service.version,
    name: service.name,
    type: service.type,
    serviceConnection: service.serviceConnection,
    credentials: service.credentials.map((c) => ({ id: c.id, authId: c.authId, secret: { action: "keep" } })),
    ...overrides,
  });
}

/** A service's credentials with their sealed secrets, which the client leaves out by default. */
export function storedCredentials(serviceId: string) {
  return db().messagingCredential.findMany({
    where: { serviceId },
    omit: { secretSealed: false },
    orderBy: { position: "asc" },
  });
}
