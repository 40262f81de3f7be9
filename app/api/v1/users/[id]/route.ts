// One user: read with its ETag and effective rights; replace or delete it with If-Match naming the version read.
import { recordRoutes } from "@/lib/http/record-routes";
import { ZUpdateUserRequest } from "@/lib/users/schemas";
import { deleteUser, getUser, updateUser } from "@/lib/users/service";
import { userView } from "../views";

const routes = recordRoutes({
  read: getUser,
  readReply: ({ user, effectiveRights }) => ({ body: { ...userView(user), effectiveRights }, version: user.version }),
  updateSchema: ZUpdateUserRequest,
  update: updateUser,
  updateReply: (user) => ({ body: userView(user), version: user.version }),
  remove: deleteUser,
});

export const GET = routes.GET;
export const PUT = routes.PUT;
export const DELETE = routes.DELETE;
