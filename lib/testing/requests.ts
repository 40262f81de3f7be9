// Service inputs as the action wrapper hands them over: parsed by the same schemas as the forms.
import { db } from "../db";
import {
  type TCreateRoleRequest,
  type TUpdateRoleRequest,
  ZCreateRoleRequest,
  ZUpdateRoleRequest,
} from "../roles/schemas";
import {
  type TCreateUserRequest,
  type TUpdateUserRequest,
  ZCreateUserRequest,
  ZUpdateUserRequest,
} from "../users/schemas";
import { uniqueName } from "./factories";

export const NEW_PASSWORD = "violet-tugboat-sings-47";

export function createUserRequest(overrides: Partial<TCreateUserRequest> = {}): TCreateUserRequest {
  const password = overrides.password ?? NEW_PASSWORD;
  return ZCreateUserRequest.parse({
    firstName: "Ada",
    lastName: "Lovelace",
    logonName: uniqueName("ada"),
    email: "",
    enabled: true,
    roleIds: [],
    kind: "console",
    password,
    confirmPassword: password,
    ...overrides,
  });
}

/** The edit form of a user as it stands in the database now, with changes. */
export async function updateUserRequest(
  id: string,
  overrides: Partial<TUpdateUserRequest> = {},
): Promise<TUpdateUserRequest> {
  const user = await db().user.findUniqueOrThrow({ where: { id }, include: { roles: true } });
  return ZUpdateUserRequest.parse({
    id,
    version: user.version,
    firstName: user.firstName,
    lastName: user.lastName,
    logonName: user.logonName,
    email: user.email ?? "",
    enabled: user.enabled,
    roleIds: user.roles.map((r) => r.roleId),
    ...overrides,
  });
}

export function createRoleRequest(overrides: Partial<TCreateRoleRequest> = {}): TCreateRoleRequest {
  return ZCreateRoleRequest.parse({ name: uniqueName("role"), description: "", rights: [], ...overrides });
}

/** The edit form of a role as it stands in the database now, with changes. */
export async function updateRoleRequest(
  id: string,
  overrides: Partial<TUpdateRoleRequest> = {},
): Promise<TUpdateRoleRequest> {
  const role = await db().role.findUniqueOrThrow({ where: { id }, include: { rights: true } });
  return ZUpdateRoleRequest.parse({
    id,
    version: role.version,
    name: role.name,
    description: role.description,
    rights: role.rights.map((r) => ({ objectType: r.objectType, access: r.access, objectId: r.objectId })),
    ...overrides,
  });
}

/** A user's row with the password hash, which the client leaves out by default. */
export function userWithHash(id: string) {
  return db().user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });
}
