// What an actor may do with a messaging service, asked by pages (to offer a control) and by services
// (to refuse): one answer for both, so a page never offers what the service would refuse.
import { canAll, canOn, type Rights } from "../rights/can";
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

/** Whether the actor may complete the guided incoming-user flow for this service. */
export function mayCreateIncomingUser(rights: Rights, service: { id: string; type: string }): boolean {
  return (
    authenticatesCallersAsUsers(service.type) &&
    incomingUserRequirements(service.id).every((right) => holdsRequirement(rights, right))
  );
}
