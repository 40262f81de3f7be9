"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { ZRestoreRevisionRequest } from "@/lib/revisions/schemas";
import { restoreRevision } from "@/lib/revisions/service";

export const restoreRevisionAction = defineAction(ZRestoreRevisionRequest, async (actor, input) => {
  const restored = await restoreRevision(actor, input.revisionId, input.expectedVersion);
  // The record's own page, its list and its history all show the restored values.
  revalidatePath("/", "layout");
  return { version: restored.version };
});
