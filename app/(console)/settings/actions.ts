"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { updateSetting, ZUpdateSettingRequest } from "@/lib/settings/service";

export const updateSettingAction = defineAction(ZUpdateSettingRequest, async (actor, input) => {
  const row = await updateSetting(actor, input);
  revalidatePath("/", "layout");
  return { version: row.version };
});
