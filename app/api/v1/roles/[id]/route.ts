// One role: read with its ETag; replace or delete it with If-Match naming the version read.
import { z } from "zod";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { ZUpdateRoleRequest } from "@/lib/roles/schemas";
import { deleteRole, getRole, updateRole } from "@/lib/roles/service";
import { ZDeleteRequest, ZId } from "@/lib/users/schemas";
import { roleView } from "../views";

type Params = { id: string };

export const GET = defineApiRoute({
  schema: z.object({ id: ZId }),
  input: ({ params }: { params: Params }) => ({ id: params.id }),
  run: (actor, input) => getRole(actor, input.id),
  reply: (role) => ({ body: roleView(role), version: role.version }),
});

export const PUT = defineApiRoute({
  schema: ZUpdateRoleRequest,
  body: true,
  ifMatch: true,
  // The path names the role and If-Match its version; the body cannot override either.
  input: ({ params, body, version }: { params: Params; body: unknown; version: number | undefined }) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    id: params.id,
    version,
  }),
  run: (actor, input) => updateRole(actor, input),
  reply: (role) => ({ body: roleView(role), version: role.version }),
});

export const DELETE = defineApiRoute({
  schema: ZDeleteRequest,
  ifMatch: true,
  status: 204,
  input: ({ params, version }: { params: Params; version: number | undefined }) => ({ id: params.id, version }),
  run: (actor, input) => deleteRole(actor, input),
  reply: () => ({}),
});
