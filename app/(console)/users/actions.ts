"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { setUserRights } from "@/lib/users/direct-rights";
import { ZSetUserRightsRequest } from "@/lib/users/direct-rights-schemas";
import { ZCreateUserRequest, ZDeleteRequest, ZResetPasswordRequest, ZUpdateUserRequest } from "@/lib/users/schemas";
import { createUser, deleteUser, resetPassword, updateUser } from "@/lib/users/service";

// Actions return only what the form needs next, never the record: it could carry more than the page showed.

export const createUserAction = defineAction(ZCreateUserRequest, async (actor, input) => {
  const user = await createUser(actor, input);
  revalidatePath("/users", "layout");
  return { id: user.id, version: user.version };
});

export const updateUserAction = defineAction(ZUpdateUserRequest, async (actor, input) => {
  const user = await updateUser(actor, input);
  revalidatePath("/users", "layout");
  return { id: user.id, version: user.version };
});

export const resetPasswordAction = defineAction(ZResetPasswordRequest, async (actor, input) => {
  const user = await resetPassword(actor, input);
  revalidatePath("/users", "layout");
  return { id: user.id, version: user.version };
});

export const setUserRightsAction = defineAction(ZSetUserRightsRequest, async (actor, input) => {
  const user = await setUserRights(actor, input);
  revalidatePath("/users", "layout");
  return { id: user.id, version: user.version };
});

export const deleteUserAction = defineAction(ZDeleteRequest, async (actor, input) => {
  await deleteUser(actor, input);
  revalidatePath("/users", "layout");
});
