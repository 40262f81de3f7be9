// For pages: the signed-in actor, or a redirect to sign in (or to the forced password change).
import { redirect } from "next/navigation";
import type { Actor } from "./actor";
import { currentActor } from "./current";

export async function pageActor(options: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect("/change-password");
  return actor;
}
