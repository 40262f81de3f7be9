// What an actor may do with a messaging service, asked by pages (to offer a control) and by services
// (to refuse): one answer for both, so a page never offers what the service would refuse.
// See lib/rights/capability.ts for when a refusal is 403 and when 404.
import type { Actor } from "../auth/actor";
import { canAll, canOn, type Rights } from "../rights/can";
import {
  allowedOf,
  type CapabilityActor,
  firstDenial,
  listVerdict,
  requireVerdict,
  rightVerdict,
  stateVerdict,
  type Verdict,
} from "../rights/capability";
import type { Access, ObjectType } from "../rights/catalog";
import { signingEntryId } from "./readiness";
import { isMessagingServiceType, needsIncomingAuthentication } from "./service-types";

export interface RequiredRight {
  objectType: ObjectType;
  access: Access;
  /** Absent: the right on every object of the type. */
  objectId?: string;
}

/**
 * The guided incoming-user flow creates a user, sets its rights, and hands on Use on this one service:
 * the actor must hold all three (nobody grants a right they lack).
 */
export function incomingUserRequirements(serviceId: string | null): RequiredRight[] {
  return [
    { objectType: "user", access: "create" },
    { objectType: "user", access: "manage_rights" },
    // Without a service (a typed-in URL) the flow cannot start, but who may not start it is told so first.
    ...(serviceId ? [{ objectType: "messaging_service" as const, access: "use" as const, objectId: serviceId }] : []),
  ];
}

/** Whether a service of this type authenticates its callers as external users (not by a signature, not at all). */
export function authenticatesCallersAsUsers(type: string): boolean {
  return isMessagingServiceType(type) && needsIncomingAuthentication(type) && !signingEntryId(type);
}

export function holdsRequirement(rights: Rights, right: RequiredRight): boolean {
  return right.objectId
    ? canOn(rights, right.objectType, right.access, right.objectId)
    : canAll(rights, right.objectType, right.access);
}

/** The service asked about; its `name` and `type` once it is loaded. */
export interface ServiceTarget {
  id: string;
  name?: string;
  type?: string;
}

/** Why each thing is (not) allowed, in the order the services check it; without a service, on services in general. */
export function messagingServiceVerdicts(actor: CapabilityActor, service?: ServiceTarget) {
  const on = (access: Access) => rightVerdict(actor.rights, "messaging_service", access, service?.id);
  const incomingUser: Verdict = firstDenial(
    ...incomingUserRequirements(service?.id ?? null).map((right) =>
      rightVerdict(actor.rights, right.objectType, right.access, right.objectId),
    ),
    service?.type === undefined
      ? null
      : stateVerdict(
          authenticatesCallersAsUsers(service.type),
          `${service.name ?? "This service"} does not authenticate its callers as external users.`,
        ),
  );
  return {
    list: listVerdict(actor.rights, "messaging_service"),
    view: on("view"),
    create: rightVerdict(actor.rights, "messaging_service", "create"),
    modify: on("modify"),
    delete: on("delete"),
    /** Testing the connection sends the service's credentials out: as much as changing it. */
    testConnection: on("modify"),
    /** The guided incoming-user flow for this service. */
    createIncomingUser: incomingUser,
  };
}

export type MessagingServiceCapability = keyof ReturnType<typeof messagingServiceVerdicts>;

export function messagingServiceCapabilities(
  actor: CapabilityActor,
  service?: ServiceTarget,
): Record<MessagingServiceCapability, boolean> {
  return allowedOf(messagingServiceVerdicts(actor, service));
}

/** Throws (a refusal audited, 403 or 404; or an invalid request) unless the actor may. */
export async function requireMessagingServiceCapability(
  actor: Actor,
  capability: MessagingServiceCapability,
  service?: ServiceTarget,
) {
  await requireVerdict(actor, messagingServiceVerdicts(actor, service)[capability]);
}

/** Whether the actor may complete the guided incoming-user flow for this service. */
export function mayCreateIncomingUser(rights: Rights, service: { id: string; type: string }): boolean {
  return messagingServiceVerdicts({ id: "", rights }, service).createIncomingUser === null;
}

/** Whether a caller authenticated as this user may deliver to the service. */
export function mayUseService(rights: Rights, serviceId: string): boolean {
  return canOn(rights, "messaging_service", "use", serviceId);
}
