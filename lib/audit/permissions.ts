// What an actor may do with the audit trail, asked by pages and by the trail's queries: one answer for both.
import type { Actor } from "../auth/actor";
import { allowedOf, type CapabilityActor, requireVerdict, rightVerdict } from "../rights/capability";

export function auditVerdicts(actor: CapabilityActor) {
  // The trail is read whole or not at all: its rows name records of every type.
  return { view: rightVerdict(actor.rights, "audit", "view") };
}

export type AuditCapability = keyof ReturnType<typeof auditVerdicts>;

export function auditCapabilities(actor: CapabilityActor): Record<AuditCapability, boolean> {
  return allowedOf(auditVerdicts(actor));
}

/** Throws (a refusal audited, 403) unless the actor may. */
export async function requireAuditCapability(actor: Actor, capability: AuditCapability) {
  await requireVerdict(actor, auditVerdicts(actor)[capability]);
}
