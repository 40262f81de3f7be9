// How a role reads in /api/v1: its fields and rights, without its members (those are users' data).
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
  rights: { objectType: string; access: string; objectId: string | null }[];
}

/** The fields every reading of a role shows, in lists as on its own. */
export function roleFieldsView(role: RoleFields) {
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

export function roleView(role: RoleRecord) {
  return {
    ...roleFieldsView(role),
    rights: role.rights.map(({ objectType, access, objectId }) => ({ objectType, access, objectId })),
  };
}
