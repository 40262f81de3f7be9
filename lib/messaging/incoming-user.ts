// The guided "Create external user for incoming authentication" flow of the seed: a new external user
// holding Use on the one service the flow was started from, as a right of its own (the seed's User Rights
// block). Wider grants are a deliberate choice in the rights editor, not a side effect of this flow.
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { createUser } from "../users/service";
import { requireMessagingServiceCapability } from "./permissions";
import type { TIncomingUserForServiceRequest } from "./schemas";

export async function createIncomingUser(actor: Actor, input: TIncomingUserForServiceRequest) {
  await requireMessagingServiceCapability(actor, "createIncomingUser", { id: input.serviceId });
  const service = await db().messagingService.findUnique({
    where: { id: input.serviceId },
    select: { id: true, name: true, type: true },
  });
  if (!service) throw notFound("This messaging service");
  await requireMessagingServiceCapability(actor, "createIncomingUser", service);
  const { serviceId: _, ...fields } = input;
  return createUser(actor, { ...fields, email: "", kind: "external", enabled: true, roleIds: [] }, [
    { objectType: "messaging_service", access: "use", objectId: service.id },
  ]);
}
