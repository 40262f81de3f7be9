"use server";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { renewOwnSession } from "@/lib/auth/renew-session";
import { type TChangeOwnPasswordRequest, ZChangeOwnPasswordRequest } from "@/lib/users/schemas";
import { changeOwnPassword } from "@/lib/users/service";

const change = defineAction(
  ZChangeOwnPasswordRequest,
  async (actor, input) => {
    await changeOwnPassword(actor, input);
    // The change ended every session of this user; this one goes on under the new password.
    await renewOwnSession(actor.id);
  },
  { beforePasswordChange: true },
);

export async function changeOwnPasswordAction(input: TChangeOwnPasswordRequest) {
  const result = await change(input);
  // Straight on to the console (or the second-factor set-up a role requires), in this same response.
  if (result.ok) redirect("/");
  return result;
}
