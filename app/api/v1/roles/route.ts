// Roles: the list paged, searched and sorted like the console's, and creating a role with its rights.
import { defineApiRoute } from "@/lib/http/define-api-route";
import { ZListParams } from "@/lib/list/params";
import { roleListView, roleView } from "@/lib/roles/api-views";
import { ZCreateRoleRequest } from "@/lib/roles/schemas";
import { createRole, listRoles } from "@/lib/roles/service";

export const GET = defineApiRoute({
  schema: ZListParams,
  input: ({ url }) => Object.fromEntries(url.searchParams),
  run: (actor, params) => listRoles(actor, params),
  reply: (page) => ({ body: roleListView(page) }),
});

export const POST = defineApiRoute({
  schema: ZCreateRoleRequest,
  body: true,
  status: 201,
  input: ({ body }) => body,
  run: (actor, input) => createRole(actor, input),
  reply: (role) => ({ body: roleView(role), version: role.version, location: `/api/v1/roles/${role.id}` }),
});
