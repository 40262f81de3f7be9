// How a user reads in /api/v1: an allow-list of fields, so that password hashes and second-factor
// secrets can never be sent, whatever the service returns. The schemas are the OpenAPI document's.
import { z } from "zod";
import { zPageOf } from "../list/params";
import { ACCESSES, OBJECT_TYPES } from "../rights/catalog";
import { ZTimestamp } from "../schemas";

export const ZUserResponse = z.object({
  id: z.uuid(),
  logonName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().describe("Empty when the user has none."),
  kind: z.enum(["console", "external"]).describe("external: may not sign in to the console (incoming authentication)."),
  enabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int().min(1),
  roles: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const ZEffectiveRightResponse = z.object({
  objectType: z.enum(OBJECT_TYPES),
  access: z.enum(ACCESSES),
  objectId: z.uuid().nullable().describe("The one object the right is limited to; null for every object of the type."),
  roles: z.array(z.string()).describe("The roles that grant it."),
  direct: z.boolean().describe("Whether the user also holds it directly."),
});

export const ZUserDetailResponse = ZUserResponse.extend({ effectiveRights: z.array(ZEffectiveRightResponse) });
export const ZUserListResponse = zPageOf(ZUserResponse);

export type TUserResponse = z.input<typeof ZUserResponse>;
export type TUserDetailResponse = z.input<typeof ZUserDetailResponse>;
export type TUserListResponse = z.input<typeof ZUserListResponse>;

interface UserRecord {
  id: string;
  logonName: string;
  firstName: string;
  lastName: string;
  email: string | null;
  kind: TUserResponse["kind"];
  enabled: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  roles: { role: { id: string; name: string } }[];
}

export function userView(user: UserRecord): TUserResponse {
  return {
    id: user.id,
    logonName: user.logonName,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email ?? "",
    kind: user.kind,
    enabled: user.enabled,
    mustChangePassword: user.mustChangePassword,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
    roles: user.roles.map(({ role }) => ({ id: role.id, name: role.name })),
  };
}

export function userDetailView(user: UserRecord, effectiveRights: TUserDetailResponse["effectiveRights"]) {
  return {
    ...userView(user),
    effectiveRights: effectiveRights.map(({ objectType, access, objectId, roles, direct }) => ({
      objectType,
      access,
      objectId,
      roles,
      direct,
    })),
  } satisfies TUserDetailResponse;
}

export function userListView(page: Omit<TUserListResponse, "rows"> & { rows: UserRecord[] }): TUserListResponse {
  return { rows: page.rows.map(userView), total: page.total, page: page.page, pageCount: page.pageCount };
}
