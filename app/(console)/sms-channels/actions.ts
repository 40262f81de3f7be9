"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { ZDeleteRequest } from "@/lib/schemas";
import { exportSmsChannels, ZExportSmsChannelsRequest } from "@/lib/sms/export";
import { uploadSmsKeystore } from "@/lib/sms/keystore";
import {
  ZCreateSmsChannelRequest,
  ZMarkRestartedRequest,
  ZUpdateSmsChannelRequest,
  ZUploadKeystoreRequest,
} from "@/lib/sms/schemas";
import { createSmsChannel, deleteSmsChannel, markSmsDriverRestarted, updateSmsChannel } from "@/lib/sms/service";

// Actions return only ids and versions: never a record, which could carry a sealed secret.

export const createSmsChannelAction = defineAction(ZCreateSmsChannelRequest, async (actor, input) => {
  const channel = await createSmsChannel(actor, input);
  revalidatePath("/sms-channels", "layout");
  return { id: channel.id, version: channel.version };
});

export const updateSmsChannelAction = defineAction(ZUpdateSmsChannelRequest, async (actor, input) => {
  const channel = await updateSmsChannel(actor, input);
  revalidatePath("/sms-channels", "layout");
  return { id: channel.id, version: channel.version };
});

export const deleteSmsChannelAction = defineAction(ZDeleteRequest, async (actor, input) => {
  await deleteSmsChannel(actor, input);
  revalidatePath("/sms-channels", "layout");
});

export const markSmsDriverRestartedAction = defineAction(ZMarkRestartedRequest, async (actor, input) => {
  const marked = await markSmsDriverRestarted(actor, input);
  revalidatePath("/sms-channels", "layout");
  return { id: marked.id, version: marked.version };
});

export const uploadSmsKeystoreAction = defineAction(ZUploadKeystoreRequest, async (actor, input) => {
  const uploaded = await uploadSmsKeystore(actor, input);
  revalidatePath("/sms-channels", "layout");
  return { id: uploaded.id, fileName: uploaded.fileName };
});

export const exportSmsChannelsAction = defineAction(ZExportSmsChannelsRequest, exportSmsChannels);
