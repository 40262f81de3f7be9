// The one Prisma client, kept on globalThis so that every bundle in the server process shares it
// (the embedded database may be opened only once per process).
import { PrismaClient } from "../generated/prisma/client";
import { CONNECTION_WAIT_MS, createAdapter, type DatabaseAdapter } from "./adapter";
import { ambientClient } from "./ambient";

export type Db = ReturnType<typeof openClient>;
/** The client handed to a $transaction callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function openClient(adapter: DatabaseAdapter) {
  // Password hashes and sealed secrets never leave the database unless a query asks for them by name.
  return new PrismaClient({
    adapter: adapter.factory,
    omit: {
      user: { passwordHash: true, totpSecretSealed: true, totpPendingSealed: true },
      messagingCredential: { secretSealed: true },
      recoveryCode: { codeHash: true },
      smsChannel: { secretsSealed: true, keystoreSealed: true },
    },
    // Prisma's maxWait (2 s by default) does not cut the wait short, it only rolls back unused a transaction
    // that got its connection later (a burst of saves then fails for nothing); the pool's own wait decides.
    transactionOptions: { maxWait: CONNECTION_WAIT_MS },
  });
}

interface Handle {
  adapter: DatabaseAdapter;
  client: Db;
}

const globalForDb = globalThis as typeof globalThis & { switchboardDb?: Handle };

function handle(): Handle {
  if (!globalForDb.switchboardDb) {
    const adapter = createAdapter();
    globalForDb.switchboardDb = { adapter, client: openClient(adapter) };
  }
  return globalForDb.switchboardDb;
}

/** The client; inside runInTransaction (lib/db/ambient.ts) the open transaction's, which every caller joins. */
export function db(): Db {
  return ambientClient() ?? handle().client;
}

/** The client itself, never an ambient transaction's: for opening one. */
export function rootDb(): Db {
  return handle().client;
}

export function dbAdapter(): DatabaseAdapter {
  return handle().adapter;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.switchboardDb;
  if (!current) return;
  globalForDb.switchboardDb = undefined;
  await current.client.$disconnect();
  await current.adapter.close();
}
