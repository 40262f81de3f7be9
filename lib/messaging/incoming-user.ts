// The guided "Create external user for incoming authentication" flow of the seed: a new external user
// holding Use on messaging services through the built-in Integration role.
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { TCreateIncomingUserRequest } from "../users/schemas";
import { createUser } from "../users/service";

export async function createIncomingUser(actor: Actor, input: TCreateIncomingUserRequest) {
  const integration = await db().role.findUniqueOrThrow({ where: { builtIn: "integration" }, select: { id: true } });
  // createUser checks the rights: create users, manage their rights, and hold Use on messaging services.
  return createUser(actor, { ...input, email: "", enabled: true, kind: "external", roleIds: [integration.id] });
}
