// What an actor may do with an SMS channel, asked by pages (to offer a control) and by the channels'
// services (to refuse): one answer for both, so a page never offers what the service would refuse.
// See lib/rights/capability.ts for when a refusal is 403 and when 404.
import type { Actor } from "../auth/actor";
import { canSome } from "../rights/can";
import {
  allowedOf,
  type CapabilityActor,
  listVerdict,
  requireVerdict,
  rightVerdict,
  type Verdict,
} from "../rights/capability";
import type { Access } from "../rights/catalog";

/** The channel asked about. */
export interface SmsChannelTarget {
  id: string;
}

/** The access on at least one channel; refused (403, never hidden) when it is on none. */
function someVerdict(actor: CapabilityActor, access: Access): Verdict {
  return canSome(actor.rights, "sms_channel", access)
    ? null
    : { kind: "right", objectType: "sms_channel", access, hidden: false };
}

/** Why each thing is (not) allowed; without a channel, on channels in general. */
export function smsChannelVerdicts(actor: CapabilityActor, channel?: SmsChannelTarget) {
  const on = (access: Access) => rightVerdict(actor.rights, "sms_channel", access, channel?.id);
  const list = listVerdict(actor.rights, "sms_channel");
  return {
    /** The list (and the home page's restart count) holds only the channels the actor may view. */
    list,
    view: on("view"),
    /** A new channel is in nobody's scope yet: the right on every channel. */
    create: rightVerdict(actor.rights, "sms_channel", "create"),
    modify: on("modify"),
    delete: on("delete"),
    /** Marking the driver restarted changes what the channel waits for: the modify right. */
    markRestarted: on("modify"),
    /** Uploading a PKCS#12 file replaces the channel's stored one: the modify right. */
    uploadKeystore: on("modify"),
    /** The check of the uploaded file tells only what anyone who may view the channel may know. */
    checkKeystore: on("view"),
    /** The driver-format export leaves secrets out: this channel's view right, or, for all, the list's. */
    export: channel ? on("view") : list,
    /**
     * Secret options in clear in that export: the dedicated right on this channel; without a channel,
     * on at least one (an export of every channel then opens only the secrets of those).
     */
    exportSecrets: channel ? on("export_secrets") : someVerdict(actor, "export_secrets"),
  };
}

export type SmsChannelCapability = keyof ReturnType<typeof smsChannelVerdicts>;

export function smsChannelCapabilities(
  actor: CapabilityActor,
  channel?: SmsChannelTarget,
): Record<SmsChannelCapability, boolean> {
  return allowedOf(smsChannelVerdicts(actor, channel));
}

/** Throws (a refusal audited, 403; or 404 for a channel the actor may not view) unless the actor may. */
export async function requireSmsChannelCapability(
  actor: Actor,
  capability: SmsChannelCapability,
  channel?: SmsChannelTarget,
) {
  await requireVerdict(actor, smsChannelVerdicts(actor, channel)[capability]);
}
