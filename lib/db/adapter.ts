// Chooses the database from DATABASE_URL: PostgreSQL for postgres:// URLs, otherwise the embedded PGlite.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { dataDir } from "../config/data-dir";
import { PGliteThread, type ThreadSession } from "./pglite-thread";
import { RecoveringPool } from "./recovering-pool";

/** The smallest SQL surface the migrator needs, over either driver. */
export interface SqlSession {
  exec(script: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlConnection extends SqlSession {
  transaction(work: (sql: SqlSession) => Promise<void>): Promise<void>;
}

export interface DatabaseAdapter {
  kind: "pglite" | "postgres";
  /** Where the data lives, for messages; never contains a password. */
  location: string;
  factory: PrismaPg | PrismaPGlite;
  sql: SqlConnection;
  close(): Promise<void>;
}

/** The most connections the PostgreSQL pool opens. */
export const POOL_SIZE = 10;

/** A request waits this long for a free connection, then fails instead of hanging. */
export const CONNECTION_WAIT_MS = 10_000;

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export function pgliteLocation(url: string | undefined): string | undefined {
  if (!url) return path.join(dataDir(), "pglite");
  if (!url.startsWith("pglite:")) {
    throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or pglite: (got "${url.split(":")[0]}:")`);
  }
  const target = url.slice("pglite:".length);
  return target === "memory" || target === "" ? undefined : path.resolve(target);
}

export function createAdapter(url = process.env.DATABASE_URL): DatabaseAdapter {
  if (isPostgresUrl(url)) return postgresAdapter(url);
  return pgliteAdapter(pgliteLocation(url));
}

function postgresAdapter(url: string): DatabaseAdapter {
  const pool = new RecoveringPool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECTION_WAIT_MS,
  });
  // An idle client whose connection dies is dropped by the pool; the event only needs a listener
  // (without one, Node would end the process).
  pool.on("error", (error) => console.error("Database connection lost:", error.message));
  const session = (client: pg.Pool | pg.PoolClient): SqlSession => ({
    exec: async (script) => {
      await client.query(script);
    },
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
  });
  const parsed = new URL(url);
  return {
    kind: "postgres",
    location: `${parsed.host}${parsed.pathname}`,
    factory: new PrismaPg(pool),
    sql: {
      ...session(pool),
      transaction: async (work) => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await work(session(client));
          await client.query("COMMIT");
        } catch (error) {
          // On a lost connection ROLLBACK fails too (the server rolled back already): report the first error.
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
    },
    close: () => pool.end(),
  };
}

function pgliteAdapter(dir: string | undefined): DatabaseAdapter {
  if (dir) mkdirSync(dir, { recursive: true });
  const client = new PGliteThread(dir);
  const session = (target: ThreadSession): SqlSession => ({
    exec: async (script) => {
      await target.exec(script);
    },
    query: async <T>(text: string, params?: unknown[]) => (await target.query<T>(text, params)).rows,
  });
  return {
    kind: "pglite",
    location: dir ?? "memory",
    // The adapter calls only what PGliteThread offers (query with rowMode and parsers, exec, transaction).
    factory: new PrismaPGlite(client as unknown as PGlite),
    sql: {
      ...session(client),
      transaction: async (work) => {
        await client.transaction((tx) => work(session(tx)));
      },
    },
    close: () => client.close(),
  };
}
