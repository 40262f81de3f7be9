// The guided incoming-user flow: a new external user holding Use on this one service. The reply names
// the user; the password it was given is never sent back.
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { incomingUserView } from "@/lib/messaging/api-views";
import { createIncomingUser } from "@/lib/messaging/incoming-user";
import { ZIncomingUserForServiceRequest } from "@/lib/messaging/schemas";

export const POST = defineApiRoute({
  schema: ZIncomingUserForServiceRequest,
  body: true,
  status: 201,
  // The path names the service; a body cannot point the flow at another one.
  input: ({ params, body }: RouteInput<{ id: string }>) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    serviceId: params.id,
  }),
  run: (actor, input) => createIncomingUser(actor, input),
  reply: (user) => ({
    body: incomingUserView(user),
    version: user.version,
    location: `/api/v1/users/${user.id}`,
  }),
});
