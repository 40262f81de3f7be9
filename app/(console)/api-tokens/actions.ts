"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { ZCreateApiTokenRequest, ZRevokeApiTokenRequest } from "@/lib/api-tokens/schemas";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/service";

// The token's text goes back to its creator this once; nothing else ever returns it.
export const createApiTokenAction = defineAction(ZCreateApiTokenRequest, async (actor, input) => {
  const { token, text } = await createApiToken(actor, input);
  revalidatePath("/api-tokens");
  return { id: token.id, name: token.name, text };
});

export const revokeApiTokenAction = defineAction(ZRevokeApiTokenRequest, async (actor, input) => {
  await revokeApiToken(actor, input);
  revalidatePath("/api-tokens");
  return null;
});
