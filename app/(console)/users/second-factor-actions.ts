"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { ZResetSecondFactorRequest } from "@/lib/users/schemas";
import { resetSecondFactor } from "@/lib/users/service";

export const resetSecondFactorAction = defineAction(ZResetSecondFactorRequest, async (actor, input) => {
  const user = await resetSecondFactor(actor, input);
  revalidatePath("/users", "layout");
  return { id: user.id, version: user.version };
});
