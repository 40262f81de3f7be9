// What the server does once before it serves: apply pending migrations, then make sure the
// built-in roles and an administrator exist.
import { ensureAdministrator, ensureBuiltInRoles, type FirstAdministrator } from "./auth/bootstrap";
import { sharedKeysNotice } from "./config/shared-keys";
import { db, dbAdapter, rootDb } from "./db";
import { runInTransaction } from "./db/ambient";
import { migrate } from "./db/migrate";

/** Held while the built-in roles and the first administrator are made (the migrations hold 7262011). */
const BOOTSTRAP_LOCK = 7262012;

export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const adapter = dbAdapter();
  const applied = await migrate(adapter.sql);
  log(
    `Switchboard: ${adapter.kind} database at ${adapter.location}${applied.length ? `, applied ${applied.join(", ")}` : ", up to date"}.`,
  );
  // Only a server database can have a second instance; the embedded one serves one process.
  const notice = adapter.kind === "postgres" ? sharedKeysNotice() : null;
  if (notice) log(notice);
  // Servers starting at once on one PostgreSQL database take turns: otherwise two could each find no
  // administrator, and each print a one-time password of which only the last one written works.
  const admin = await runInTransaction(
    rootDb(),
    async (): Promise<FirstAdministrator | null> => {
      await db().$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
      await ensureBuiltInRoles();
      return ensureAdministrator();
    },
    { timeout: 60_000 },
  );
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
