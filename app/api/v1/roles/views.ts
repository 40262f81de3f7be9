// How a role reads in /api/v1: its fields and rights, without its members (those are users' data).
interface RoleRecord {
  id: string;
  name: string;
  description: string;
  builtIn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  rights: { objectType: string; access: string; objectId: string | null }[];
}

export function roleView(role: RoleRecord) {
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    builtIn: role.builtIn,
    version: role.version,
    createdAt: role.createdAt.toISOString(),
    updatedAt: role.updatedAt.toISOString(),
    rights: role.rights.map(({ objectType, access, objectId }) => ({ objectType, access, objectId })),
  };
}
