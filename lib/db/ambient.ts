// An ambient transaction: while one is open (runInTransaction), db() hands out its client, so the
// services an import calls read and write inside it, and their own $transaction calls join it instead of
// opening a second one. Outside it nothing changes. Savepoints let one step fail without losing the rest.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db, Tx } from "./index";

const ambient = new AsyncLocalStorage<Db>();

/** The client of the open ambient transaction, if any. */
export function ambientClient(): Db | undefined {
  return ambient.getStore();
}

/** A transaction client that also answers $transaction, by running the callback inside itself. */
function joining(tx: Tx): Db {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property === "$transaction") return (fn: (client: Tx) => Promise<unknown>) => fn(target);
      return Reflect.get(target, property, receiver);
    },
  }) as unknown as Db;
}

export interface AmbientOptions {
  /** Milliseconds the whole transaction may take (Prisma's default of 5 s is too short for a large import). */
  timeout: number;
}

/** Runs `fn` in one transaction that every db() call inside it joins; it commits when `fn` resolves. */
export async function runInTransaction<T>(client: Db, fn: () => Promise<T>, options: AmbientOptions): Promise<T> {
  if (ambient.getStore()) throw new Error("An ambient transaction is open already.");
  return client.$transaction((tx) => ambient.run(joining(tx), fn), {
    timeout: options.timeout,
    maxWait: options.timeout,
  });
}

let savepoints = 0;

/**
 * Runs `step` under a savepoint of the ambient transaction: when it throws, what it wrote is undone (and
 * PostgreSQL's transaction is usable again) and the error is returned; the transaction goes on.
 */
export async function withSavepoint<T>(
  step: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const client = ambient.getStore();
  if (!client) throw new Error("withSavepoint needs an ambient transaction.");
  savepoints += 1;
  const name = `step_${savepoints}`;
  await client.$executeRawUnsafe(`SAVEPOINT ${name}`);
  try {
    const value = await step();
    await client.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    return { ok: true, value };
  } catch (error) {
    await client.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    return { ok: false, error };
  }
}
