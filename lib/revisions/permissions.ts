// What an actor may do with a record's history, asked by the history page, the audit trail's links and the
// history service: one answer for all. See lib/rights/capability.ts for when a refusal is 403 and when 404.
import type { Actor } from "../auth/actor";
import { allowedOf, type CapabilityActor, requireVerdict, rightVerdict, type Verdict } from "../rights/capability";
import { revisionArea } from "./areas";

/** A record as its history names it; `exists` once known (restoring a deleted record creates it again). */
export interface HistoryTarget {
  objectType: string;
  objectId: string;
  exists?: boolean;
}

export function historyVerdicts(actor: CapabilityActor, record: HistoryTarget) {
  const area = revisionArea(record.objectType);
  if (!area) {
    const unknown: Verdict = { kind: "state", message: "This kind of record has no history." };
    return { view: unknown, restore: unknown };
  }
  // The settings are one thing: their rights are not held per setting.
  const settings = area.objectType === "settings";
  const objectId = settings ? undefined : record.objectId;
  const view = rightVerdict(actor.rights, area.objectType, "view", objectId);
  return {
    // History reveals nothing about a record one may not see: refused as if it did not exist.
    view: view && view.kind === "right" ? { ...view, hidden: true } : view,
    // The same rights the area's save asks for; a deleted record comes back by creating it.
    restore:
      settings || record.exists !== false
        ? rightVerdict(actor.rights, area.objectType, "modify", objectId)
        : rightVerdict(actor.rights, area.objectType, "create"),
  };
}

export type HistoryCapability = keyof ReturnType<typeof historyVerdicts>;

export function historyCapabilities(actor: CapabilityActor, record: HistoryTarget): Record<HistoryCapability, boolean> {
  return allowedOf(historyVerdicts(actor, record));
}

/** Throws (a refusal audited, 403 or 404) unless the actor may. */
export async function requireHistoryCapability(actor: Actor, capability: HistoryCapability, record: HistoryTarget) {
  await requireVerdict(actor, historyVerdicts(actor, record)[capability]);
}
