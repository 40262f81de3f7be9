// One user: read with its ETag and effective rights; replace or delete it with If-Match naming the version read.
import { recordRoutes } from "@/lib/http/record-routes";
import { userDetailView, userView } from "@/lib/users/api-views";
import { ZUpdateUserRequest } from "@/lib/users/schemas";
import { deleteUser, getUser, updateUser } from "@/lib/users/service";

const routes = recordRoutes({
  read: getUser,
  readReply: ({ user, effectiveRights }) => ({ body: userDetailView(user, effectiveRights), version: user.version }),
  updateSchema: ZUpdateUserRequest,
  update: updateUser,
  updateReply: (user) => ({ body: userView(user), version: user.version }),
  remove: deleteUser,
});

export const GET = routes.GET;
export const PUT = routes.PUT;
export const DELETE = routes.DELETE;
