// How a role reads in /api/v1: its fields and rights, without its members (those are users' data). The
// schemas are the OpenAPI document's; the views are typed by them, so the two cannot drift apart.
import { z } from "zod";
import { zPageOf } from "../list/params";
import { ACCESSES, OBJECT_TYPES } from "../rights/catalog";
import { ZTimestamp } from "../schemas";

export const ZRoleFieldsResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  builtIn: z.string().nullable().describe("Which built-in role this is (it cannot be deleted), or null."),
  version: z.number().int().min(1),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});

export const ZRightResponse = z.object({
  objectType: z.enum(OBJECT_TYPES),
  access: z.enum(ACCESSES),
  objectId: z.uuid().nullable().describe("The one object the right is limited to; null for every object of the type."),
});

export const ZRoleResponse = ZRoleFieldsResponse.extend({ rights: z.array(ZRightResponse) });

export const ZRoleListResponse = zPageOf(
  ZRoleFieldsResponse.extend({ userCount: z.number().int().min(0), rightCount: z.number().int().min(0) }),
);

export type TRoleResponse = z.input<typeof ZRoleResponse>;
export type TRoleListResponse = z.input<typeof ZRoleListResponse>;

interface RoleFields {
  id: string;
  name: string;
  description: string;
  builtIn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

interface RoleRecord extends RoleFields {
  rights: z.input<typeof ZRightResponse>[];
}

/** The fields every reading of a role shows, in lists as on its own. */
export function roleFieldsView(role: RoleFields): z.input<typeof ZRoleFieldsResponse> {
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    builtIn: role.builtIn,
    version: role.version,
    createdAt: role.createdAt.toISOString(),
    updatedAt: role.updatedAt.toISOString(),
  };
}

export function roleView(role: RoleRecord): TRoleResponse {
  return {
    ...roleFieldsView(role),
    rights: role.rights.map(({ objectType, access, objectId }) => ({ objectType, access, objectId })),
  };
}

export function roleListView(
  page: { rows: (RoleFields & { _count: { users: number; rights: number } })[] } & Omit<TRoleListResponse, "rows">,
): TRoleListResponse {
  return {
    rows: page.rows.map((role) => ({
      ...roleFieldsView(role),
      userCount: role._count.users,
      rightCount: role._count.rights,
    })),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
  };
}
