// How a user reads in /api/v1: an allow-list of fields, so that password hashes and second-factor
// secrets can never be sent, whatever the service returns.
interface UserRecord {
  id: string;
  logonName: string;
  firstName: string;
  lastName: string;
  email: string | null;
  kind: string;
  enabled: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  roles: { role: { id: string; name: string } }[];
}

export function userView(user: UserRecord) {
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
