// The channel's uploaded PKCS#12 file: kept sealed, only to check it (and, later, to export it), never
// sent back. The check opens it with the channel's stored passwords, on the server.
import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { invalid, notFound } from "../errors";
import { requireSmsChannelCapability } from "./permissions";
import { checkPkcs12, looksLikeDer, MAX_KEYSTORE_BYTES, type Pkcs12Report } from "./pkcs12-check";
import { optionRecord } from "./restart";
import type { TUploadKeystoreRequest } from "./schemas";
import { openChannelSecret, openKeystore, sealKeystore } from "./secret";

const FILE_PASSWORD = "x-smpp-tls-certificate-file-password";
const CERTIFICATE_PASSWORD = "x-smpp-tls-certificate-password";

export async function uploadSmsKeystore(actor: Actor, input: TUploadKeystoreRequest) {
  await requireSmsChannelCapability(actor, "uploadKeystore", { id: input.id });
  const file = Buffer.from(input.content, "base64");
  if (file.length > MAX_KEYSTORE_BYTES)
    throw invalid({ content: ["The file is larger than 64 KiB: a PKCS#12 key store is much smaller."] });
  if (!looksLikeDer(file)) throw invalid({ content: ["This file is not a PKCS#12 file (it is not DER-encoded)."] });
  return db().$transaction(async (tx) => {
    const channel = await tx.smsChannel.findUnique({ where: { id: input.id }, select: { id: true, name: true } });
    if (!channel) throw notFound("This SMS channel");
    const uploadedAt = new Date();
    await tx.smsChannel.update({
      where: { id: channel.id },
      data: {
        keystoreSealed: sealKeystore(channel.id, file),
        keystoreFileName: input.fileName,
        keystoreUploadedAt: uploadedAt,
      },
    });
    await recordAudit(tx, actor, {
      action: "upload_keystore",
      objectType: "sms_channel",
      objectId: channel.id,
      objectName: channel.name,
      detail: `PKCS#12 file ${input.fileName} (${file.length} bytes) uploaded to check it.`,
    });
    return { id: channel.id, fileName: input.fileName, uploadedAt };
  });
}

/** The check of the uploaded file with what is stored now; null when no file was uploaded. */
export async function checkSmsKeystore(actor: Actor, id: string): Promise<Pkcs12Report | null> {
  await requireSmsChannelCapability(actor, "checkKeystore", { id });
  const channel = await db().smsChannel.findUnique({
    where: { id },
    omit: { secretsSealed: false, keystoreSealed: false },
  });
  if (!channel) throw notFound("This SMS channel");
  if (!channel.keystoreSealed) return null;
  return reportFor(
    channel.id,
    channel.keystoreSealed,
    optionRecord(channel.options),
    optionRecord(channel.secretsSealed),
  );
}

/** The report for a channel's file with these options and sealed secrets (also used when saving, for the TLS rules). */
export function reportFor(
  channelId: string,
  keystoreSealed: string,
  options: Record<string, string>,
  secretsSealed: Record<string, string>,
): Pkcs12Report {
  const secret = (name: string) => {
    const sealed = secretsSealed[name];
    return sealed ? openChannelSecret(channelId, name, sealed) : null;
  };
  return checkPkcs12({
    file: openKeystore(channelId, keystoreSealed),
    filePassword: secret(FILE_PASSWORD),
    certificatePassword: secret(CERTIFICATE_PASSWORD),
    mode: options["x-smpp-tls-mode"] || "off",
  });
}
