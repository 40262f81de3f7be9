// A channel's secret option values and its uploaded PKCS#12 file, sealed and bound to the channel (and
// option): a sealed value copied onto another channel or option does not open.
import { open, seal } from "../crypto/seal";

const optionBinding = (channelId: string, option: string) => `sms-channel:${channelId}:${option}`;
const keystoreBinding = (channelId: string) => `sms-channel:${channelId}:keystore`;

export function sealChannelSecret(channelId: string, option: string, plain: string): string {
  return seal(plain, optionBinding(channelId, option));
}

export function openChannelSecret(channelId: string, option: string, sealed: string): string {
  return open(sealed, optionBinding(channelId, option));
}

/** The PKCS#12 file travels as base64 inside the seal. */
export function sealKeystore(channelId: string, file: Buffer): string {
  return seal(file.toString("base64"), keystoreBinding(channelId));
}

export function openKeystore(channelId: string, sealed: string): Buffer {
  return Buffer.from(open(sealed, keystoreBinding(channelId)), "base64");
}
