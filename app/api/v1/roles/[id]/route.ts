// One role: read with its ETag; replace or delete it with If-Match naming the version read.
import { recordRoutes } from "@/lib/http/record-routes";
import { roleView } from "@/lib/roles/api-views";
import { ZUpdateRoleRequest } from "@/lib/roles/schemas";
import { deleteRole, getRole, updateRole } from "@/lib/roles/service";

const routes = recordRoutes({
  read: getRole,
  readReply: (role) => ({ body: roleView(role), version: role.version }),
  updateSchema: ZUpdateRoleRequest,
  update: updateRole,
  updateReply: (role) => ({ body: roleView(role), version: role.version }),
  remove: deleteRole,
});

export const GET = routes.GET;
export const PUT = routes.PUT;
export const DELETE = routes.DELETE;
