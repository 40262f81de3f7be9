"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { ZUpdateExtraValuesRequest } from "@/lib/communities/extra-values";
import { testJwt, ZJwtTestRequest } from "@/lib/communities/jwt-tester";
import {
  previewMapping,
  testRegex,
  ZMappingPreviewRequest,
  ZRegexTestRequest,
} from "@/lib/communities/mapping-preview";
import {
  ZAddJwtKeyRequest,
  ZCreateCommunityRequest,
  ZRemoveJwtKeyRequest,
  ZUpdateCommunityRequest,
} from "@/lib/communities/schemas";
import {
  addJwtKey,
  createCommunity,
  deleteCommunity,
  removeJwtKey,
  updateCommunity,
  updateExtraValues,
} from "@/lib/communities/service";
import { ZDeleteRequest } from "@/lib/schemas";

export const createCommunityAction = defineAction(ZCreateCommunityRequest, async (actor, input) => {
  const community = await createCommunity(actor, input);
  revalidatePath("/communities", "layout");
  return { id: community.id, version: community.version };
});

export const updateCommunityAction = defineAction(ZUpdateCommunityRequest, async (actor, input) => {
  const community = await updateCommunity(actor, input);
  revalidatePath("/communities", "layout");
  return { id: community.id, version: community.version };
});

export const deleteCommunityAction = defineAction(ZDeleteRequest, async (actor, input) => {
  await deleteCommunity(actor, input);
  revalidatePath("/communities", "layout");
});

export const addJwtKeyAction = defineAction(ZAddJwtKeyRequest, async (actor, input) => {
  const community = await addJwtKey(actor, input);
  revalidatePath("/communities", "layout");
  return { version: community.version };
});

export const removeJwtKeyAction = defineAction(ZRemoveJwtKeyRequest, async (actor, input) => {
  const community = await removeJwtKey(actor, input);
  revalidatePath("/communities", "layout");
  return { version: community.version };
});

// Nothing pasted is stored or logged: the action only answers.
export const testJwtAction = defineAction(ZJwtTestRequest, (actor, input) => testJwt(actor, input));

export const updateExtraValuesAction = defineAction(ZUpdateExtraValuesRequest, async (actor, input) => {
  const community = await updateExtraValues(actor, input);
  revalidatePath("/communities", "layout");
  return { version: community.version };
});

export const previewMappingAction = defineAction(ZMappingPreviewRequest, previewMapping);
export const testRegexAction = defineAction(ZRegexTestRequest, testRegex);
