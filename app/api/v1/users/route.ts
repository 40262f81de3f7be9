// Users: the list paged, searched, sorted and filtered by kind like the console's, and creating a user.
import { defineApiRoute } from "@/lib/http/define-api-route";
import { userListView, userView } from "@/lib/users/api-views";
import { ZCreateUserRequest, ZUserListFilter } from "@/lib/users/schemas";
import { createUser, listUsers } from "@/lib/users/service";

export const GET = defineApiRoute({
  schema: ZUserListFilter,
  input: ({ url }) => Object.fromEntries(url.searchParams),
  run: (actor, params) => listUsers(actor, params),
  reply: (page) => ({ body: userListView(page) }),
});

export const POST = defineApiRoute({
  schema: ZCreateUserRequest,
  body: true,
  status: 201,
  input: ({ body }) => body,
  run: (actor, input) => createUser(actor, input),
  reply: (user) => ({ body: userView(user), version: user.version, location: `/api/v1/users/${user.id}` }),
});
