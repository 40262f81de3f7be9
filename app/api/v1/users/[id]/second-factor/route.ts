// An administrator clears a user's second factor (a lost phone), If-Match naming the user's version. The
// answer is the user at their new version. One's own second factor is turned off in the console only.
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { userView } from "@/lib/users/api-views";
import { ZResetSecondFactorRequest } from "@/lib/users/schemas";
import { resetSecondFactor } from "@/lib/users/service";

export const DELETE = defineApiRoute({
  schema: ZResetSecondFactorRequest,
  ifMatch: true,
  input: ({ params, version }: RouteInput<{ id: string }>) => ({ id: params.id, version }),
  run: resetSecondFactor,
  reply: (user) => ({ body: userView(user), version: user.version }),
});
