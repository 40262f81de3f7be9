// The keys every instance on one database must share. Without them in the environment, each server
// generates its own into its data folder: fine for one server, wrong for a second one on the same
// PostgreSQL database (its sessions and sealed secrets would not be the first one's).
export const SHARED_KEY_VARIABLES = ["NEXTAUTH_SECRET", "SWITCHBOARD_SECRET_KEY"] as const;

/** The shared-key variables that are not set. */
export function unsetSharedKeys(env: Record<string, string | undefined> = process.env): string[] {
  return SHARED_KEY_VARIABLES.filter((name) => !env[name]?.trim());
}

/** The start-up line for a server database without them, or null when both are set. */
export function sharedKeysNotice(env: Record<string, string | undefined> = process.env): string | null {
  const unset = unsetSharedKeys(env);
  if (unset.length === 0) return null;
  return (
    `Switchboard: ${unset.join(" and ")} ${unset.length === 1 ? "is" : "are"} not set, so this server uses its own ` +
    `generated key. Every server on this database needs the same ${unset.length === 1 ? "value" : "values"} ` +
    `(README, "Running several instances").`
  );
}
