// What an actor may do with the server settings, asked by the settings page and by the settings' service:
// one answer for both. The settings are one thing: their rights are held on all of them, never per setting.
import type { Actor } from "../auth/actor";
import { allowedOf, type CapabilityActor, requireVerdict, rightVerdict } from "../rights/capability";

export function settingsVerdicts(actor: CapabilityActor) {
  return {
    view: rightVerdict(actor.rights, "settings", "view"),
    modify: rightVerdict(actor.rights, "settings", "modify"),
  };
}

export type SettingsCapability = keyof ReturnType<typeof settingsVerdicts>;

export function settingsCapabilities(actor: CapabilityActor): Record<SettingsCapability, boolean> {
  return allowedOf(settingsVerdicts(actor));
}

/** Throws (a refusal audited, 403) unless the actor may. */
export async function requireSettingsCapability(actor: Actor, capability: SettingsCapability) {
  await requireVerdict(actor, settingsVerdicts(actor)[capability]);
}
