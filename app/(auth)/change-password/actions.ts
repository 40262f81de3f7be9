"use server";
import { defineAction } from "@/lib/actions/define-action";
import { ZChangeOwnPasswordRequest } from "@/lib/users/schemas";
import { changeOwnPassword } from "@/lib/users/service";

export const changeOwnPasswordAction = defineAction(ZChangeOwnPasswordRequest, changeOwnPassword, {
  beforePasswordChange: true,
});
