// One user: read with its ETag; replace or delete it with If-Match naming the version read.
import { z } from "zod";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { ZDeleteRequest, ZId, ZUpdateUserRequest } from "@/lib/users/schemas";
import { deleteUser, getUser, updateUser } from "@/lib/users/service";
import { userView } from "../views";

type Params = { id: string };

export const GET = defineApiRoute({
  schema: z.object({ id: ZId }),
  input: ({ params }: { params: Params }) => ({ id: params.id }),
  run: (actor, input) => getUser(actor, input.id),
  reply: ({ user, effectiveRights }) => ({
    body: { ...userView(user), effectiveRights },
    version: user.version,
  }),
});

export const PUT = defineApiRoute({
  schema: ZUpdateUserRequest,
  body: true,
  ifMatch: true,
  // The path names the user and If-Match its version; the body cannot override either.
  input: ({ params, body, version }: { params: Params; body: unknown; version: number | undefined }) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    id: params.id,
    version,
  }),
  run: (actor, input) => updateUser(actor, input),
  reply: (user) => ({ body: userView(user), version: user.version }),
});

export const DELETE = defineApiRoute({
  schema: ZDeleteRequest,
  ifMatch: true,
  status: 204,
  input: ({ params, version }: { params: Params; version: number | undefined }) => ({ id: params.id, version }),
  run: (actor, input) => deleteUser(actor, input),
  reply: () => ({}),
});
