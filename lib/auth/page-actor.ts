// For pages: the signed-in actor, or a redirect to sign in (or to the forced password change, then
// to the forced second-factor enrolment).
import { redirect } from "next/navigation";
import type { Actor } from "./actor";
import { currentActor } from "./current";

export const ENROL_PATH = "/enrol-second-factor";

export async function pageActor(
  options: { allowPasswordChange?: boolean; allowSecondFactorEnrolment?: boolean } = {},
): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (options.allowPasswordChange) return actor;
  if (actor.mustChangePassword) redirect("/change-password");
  if (actor.mustEnrolSecondFactor && !options.allowSecondFactorEnrolment) redirect(ENROL_PATH);
  return actor;
}
