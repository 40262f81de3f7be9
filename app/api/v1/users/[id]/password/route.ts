// An administrator sets a user's password (the console's "Reset password"): write-only, If-Match naming
// the user's version. The user must change it at their next sign-in, and their sessions end.
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { userView } from "@/lib/users/api-views";
import { ZResetPasswordRequest } from "@/lib/users/schemas";
import { resetPassword } from "@/lib/users/service";

export const PUT = defineApiRoute({
  schema: ZResetPasswordRequest,
  body: true,
  ifMatch: true,
  input: ({ params, body, version }: RouteInput<{ id: string }>) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    id: params.id,
    version,
  }),
  run: resetPassword,
  reply: (user) => ({ body: userView(user), version: user.version }),
});
