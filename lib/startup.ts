// What the server does once before it serves: apply pending migrations, then make sure the
// built-in roles and an administrator exist.
import { ensureAdministrator, ensureBuiltInRoles } from "./auth/bootstrap";
import { dbAdapter } from "./db";
import { migrate } from "./db/migrate";

export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const adapter = dbAdapter();
  const applied = await migrate(adapter.sql);
  log(
    `Switchboard: ${adapter.kind} database at ${adapter.location}${applied.length ? `, applied ${applied.join(", ")}` : ", up to date"}.`,
  );
  await ensureBuiltInRoles();
  const admin = await ensureAdministrator();
  if (!admin) return;
  if (admin.generatedPassword) {
    log("");
    log("  First administrator created. Sign in with:");
    log(`    logon name: ${admin.logonName}`);
    log(`    password:   ${admin.generatedPassword}`);
    log("  This password is shown only now; you will choose your own at first sign-in.");
    log("");
  } else {
    log(`Switchboard: administrator "${admin.logonName}" created with the password from SWITCHBOARD_ADMIN_PASSWORD.`);
  }
}
