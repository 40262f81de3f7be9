"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { ZCreateRoleRequest, ZUpdateRoleRequest } from "@/lib/roles/schemas";
import { createRole, deleteRole, updateRole } from "@/lib/roles/service";
import { ZDeleteRequest } from "@/lib/users/schemas";

export const createRoleAction = defineAction(ZCreateRoleRequest, async (actor, input) => {
  const role = await createRole(actor, input);
  revalidatePath("/roles", "layout");
  return { id: role.id, version: role.version };
});

export const updateRoleAction = defineAction(ZUpdateRoleRequest, async (actor, input) => {
  const role = await updateRole(actor, input);
  revalidatePath("/roles", "layout");
  return { id: role.id, version: role.version };
});

export const deleteRoleAction = defineAction(ZDeleteRequest, async (actor, input) => {
  await deleteRole(actor, input);
  revalidatePath("/roles", "layout");
});
