// The last enabled administrator cannot be disabled, deleted or stripped of the role.
import type { Tx } from "../db";
import { invalid } from "../errors";

/** Called inside a transaction after a change; throwing rolls the change back. */
export async function assertAdministratorRemains(tx: Tx): Promise<void> {
  // Locking the role row makes concurrent changes to administrators take turns, so two of them
  // cannot each remove "another" administrator and leave none.
  await tx.$queryRaw`SELECT id FROM "Role" WHERE "builtIn" = 'administrator' FOR UPDATE`;
  const remaining = await tx.user.count({
    where: { enabled: true, kind: "console", roles: { some: { role: { builtIn: "administrator" } } } },
  });
  if (remaining === 0) {
    throw invalid({}, "Switchboard needs at least one enabled administrator; this change would leave none.");
  }
}
