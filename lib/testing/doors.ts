// The two doors into the services, for tests that must hold through both: the services called directly
// (as every server action calls them) and /api/v1 with a bearer token of the same user. Each operation
// answers the same normalized outcome through either door, so one table of cases checks both.
import { GET as getAuditRoute } from "@/app/api/v1/audit/route";
import { POST as postRoleRoute } from "@/app/api/v1/roles/route";
import { PUT as passwordRoute } from "@/app/api/v1/users/[id]/password/route";
import { DELETE as deleteUserRoute, GET as getUserRoute, PUT as putUserRoute } from "@/app/api/v1/users/[id]/route";
import { GET as listUsersRoute, POST as postUserRoute } from "@/app/api/v1/users/route";
import { listAuditEvents } from "../audit/query";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import type { TCreateRoleRequest } from "../roles/schemas";
import { createRole } from "../roles/service";
import type { TCreateUserRequest, TDeleteRequest, TResetPasswordRequest, TUpdateUserRequest } from "../users/schemas";
import { createUser, deleteUser, getUser, listUsers, resetPassword, updateUser } from "../users/service";
import { callApi, type Handler, tokenFor } from "./api-requests";

export type DoorOutcome<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** What the cases compare of a user, whichever door answered. */
export interface UserSeen {
  id: string;
  firstName: string;
  logonName: string;
  email: string;
  enabled: boolean;
  mustChangePassword: boolean;
  roleIds: string[];
  roleNames: string[];
}

export interface Door {
  name: string;
  /** The actor as this door will act for them (the API door makes their token now, before any count). */
  as(actor: Actor): Promise<Actor>;
  /** The actor narrowed to view: a read-only token through the API. */
  asReadOnly(actor: Actor): Promise<Actor>;
  createUser(actor: Actor, input: TCreateUserRequest): Promise<DoorOutcome<UserSeen>>;
  updateUser(actor: Actor, input: TUpdateUserRequest): Promise<DoorOutcome<UserSeen>>;
  deleteUser(actor: Actor, input: TDeleteRequest): Promise<DoorOutcome<unknown>>;
  resetPassword(actor: Actor, input: TResetPasswordRequest): Promise<DoorOutcome<UserSeen>>;
  getUser(actor: Actor, id: string): Promise<DoorOutcome<{ id: string }>>;
  listUsers(actor: Actor, q?: string): Promise<DoorOutcome<{ total: number; ids: string[] }>>;
  createRole(actor: Actor, input: TCreateRoleRequest): Promise<DoorOutcome<{ name: string; rights: string[] }>>;
  listAuditEvents(actor: Actor): Promise<DoorOutcome<{ total: number }>>;
}

type ServiceUser = {
  id: string;
  firstName: string;
  logonName: string;
  email: string | null;
  enabled: boolean;
  mustChangePassword: boolean;
  roles: { role: { id: string; name: string } }[];
};

const seen = (user: ServiceUser): UserSeen => ({
  id: user.id,
  firstName: user.firstName,
  logonName: user.logonName,
  email: user.email ?? "",
  enabled: user.enabled,
  mustChangePassword: user.mustChangePassword,
  roleIds: user.roles.map((r) => r.role.id).sort(),
  roleNames: user.roles.map((r) => r.role.name).sort(),
});

const rightText = (r: { access: string; objectId: string | null }) => `${r.access}:${r.objectId ?? "*"}`;

async function direct<T>(call: () => Promise<T>): Promise<DoorOutcome<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

export const servicesDoor: Door = {
  name: "services",
  as: async (actor) => actor,
  asReadOnly: async (actor) => ({ ...actor, rights: actor.rights.filter((grant) => grant.access === "view") }),
  createUser: (actor, input) => direct(async () => seen(await createUser(actor, input))),
  updateUser: (actor, input) => direct(async () => seen(await updateUser(actor, input))),
  deleteUser: (actor, input) => direct(() => deleteUser(actor, input)),
  resetPassword: (actor, input) =>
    direct(async () => {
      const user = await resetPassword(actor, input);
      return seen(user);
    }),
  getUser: (actor, id) => direct(async () => ({ id: (await getUser(actor, id)).user.id })),
  listUsers: (actor, q) =>
    direct(async () => {
      const page = await listUsers(actor, { dir: "asc", page: 1, q });
      return { total: page.total, ids: page.rows.map((u) => u.id) };
    }),
  createRole: (actor, input) =>
    direct(async () => {
      const role = await createRole(actor, input);
      return { name: role.name, rights: role.rights.map(rightText).sort() };
    }),
  listAuditEvents: (actor) => direct(async () => ({ total: (await listAuditEvents(actor, { page: 1 })).total })),
};

type ApiUser = {
  id: string;
  firstName: string;
  logonName: string;
  email: string;
  enabled: boolean;
  mustChangePassword: boolean;
  roles: { id: string; name: string }[];
};

const apiSeen = (user: ApiUser): UserSeen => ({
  ...user,
  roleIds: user.roles.map((r) => r.id).sort(),
  roleNames: user.roles.map((r) => r.name).sort(),
});

/** The /api/v1 door: each actor acts through a token of theirs, made once by `as`. */
export function apiDoor(): Door {
  const tokens = new Map<Actor, string>();
  async function send<P, T>(
    actor: Actor,
    method: string,
    path: string,
    handler: Handler<P>,
    options: { params?: P; body?: unknown; ifMatch?: string; query?: string },
    read: (json: never) => T,
  ): Promise<DoorOutcome<T>> {
    const token = tokens.get(actor);
    if (!token) throw new Error("Call door.as(actor) first: the token is made before the case counts rows.");
    const headers: Record<string, string> = actor.clientAddress ? { "X-Forwarded-For": actor.clientAddress } : {};
    const { status, json } = await callApi(method, path, handler, { ...options, token, headers });
    if (status < 400) return { ok: true, data: read(json as never) };
    return { ok: false, code: String(json.type).replace("urn:switchboard:problem:", ""), message: json.detail };
  }
  const remember = async (actor: Actor, readOnly: boolean) => {
    tokens.set(actor, await tokenFor(actor, readOnly));
    return actor;
  };
  const withoutIdAndVersion = ({ id: _id, version: _version, ...body }: { id: string; version: number }) => body;
  return {
    name: "api",
    as: (actor) => remember(actor, false),
    // Its own object, so that the same user can hold a full and a read-only token in one case.
    asReadOnly: (actor) => remember({ ...actor }, true),
    createUser: (actor, input) => send(actor, "POST", "/users", postUserRoute, { body: input }, apiSeen),
    updateUser: (actor, input) =>
      send(
        actor,
        "PUT",
        `/users/${input.id}`,
        putUserRoute,
        { params: { id: input.id }, body: withoutIdAndVersion(input), ifMatch: `W/"${input.version}"` },
        apiSeen,
      ),
    deleteUser: (actor, input) =>
      send(
        actor,
        "DELETE",
        `/users/${input.id}`,
        deleteUserRoute,
        { params: { id: input.id }, ifMatch: `W/"${input.version}"` },
        () => null,
      ),
    resetPassword: (actor, input) =>
      send(
        actor,
        "PUT",
        `/users/${input.id}/password`,
        passwordRoute,
        { params: { id: input.id }, body: withoutIdAndVersion(input), ifMatch: `W/"${input.version}"` },
        apiSeen,
      ),
    getUser: (actor, id) =>
      send(actor, "GET", `/users/${id}`, getUserRoute, { params: { id } }, (json: { id: string }) => ({ id: json.id })),
    listUsers: (actor, q) =>
      send(
        actor,
        "GET",
        "/users",
        listUsersRoute,
        { query: q ? `?q=${encodeURIComponent(q)}` : "" },
        (json: { total: number; rows: { id: string }[] }) => ({ total: json.total, ids: json.rows.map((r) => r.id) }),
      ),
    createRole: (actor, input) =>
      send(
        actor,
        "POST",
        "/roles",
        postRoleRoute,
        { body: input },
        (json: { name: string; rights: { access: string; objectId: string | null }[] }) => ({
          name: json.name,
          rights: json.rights.map(rightText).sort(),
        }),
      ),
    listAuditEvents: (actor) =>
      send(actor, "GET", "/audit", getAuditRoute, {}, (json: { total: number }) => ({ total: json.total })),
  };
}

/** Both doors, for `describe.each`. */
export const doors = (): Door[] => [servicesDoor, apiDoor()];
