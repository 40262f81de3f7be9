// Names for objects that rights are limited to, for showing rights to people.
import { db } from "../db";

export async function objectNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const [users, roles] = await Promise.all([
    db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, logonName: true } }),
    db().role.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } }),
  ]);
  return new Map([...users.map((u) => [u.id, u.logonName] as const), ...roles.map((r) => [r.id, r.name] as const)]);
}
