// What an actor may do with an SMS channel, asked by pages (to offer a control) and by services (to
// refuse): one answer for both, so a page never offers what the service would refuse.
import { canAll, canOn, canSome, type Rights } from "../rights/can";

export interface SmsChannelCapabilities {
  view: boolean;
  modify: boolean;
  delete: boolean;
  /** Marking the driver restarted changes what the channel waits for: the modify right. */
  markRestarted: boolean;
  /** Uploading the PKCS#12 file to check it changes the channel's stored file: the modify right. */
  uploadKeystore: boolean;
}

export function smsChannelCapabilities(rights: Rights, channelId: string): SmsChannelCapabilities {
  const modify = canOn(rights, "sms_channel", "modify", channelId);
  return {
    view: canOn(rights, "sms_channel", "view", channelId),
    modify,
    delete: canOn(rights, "sms_channel", "delete", channelId),
    markRestarted: modify,
    uploadKeystore: modify,
  };
}

export function mayCreateSmsChannel(rights: Rights): boolean {
  return canAll(rights, "sms_channel", "create");
}

export function mayViewSmsChannels(rights: Rights): boolean {
  return canSome(rights, "sms_channel", "view");
}
