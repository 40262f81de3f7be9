// The embedded database on a worker thread (lib/db/pglite-worker.mjs), behind the part of PGlite's interface
// that pglite-prisma-adapter and the SQL connection use. PGlite runs SQL synchronously in WebAssembly, so
// in-process it takes turns with the server's JavaScript on one core; on its own thread it uses the other.
// Calls keep PGlite's semantics: they queue behind an open transaction as they do in-process (it is the
// same PGlite, in the worker), errors arrive as PGlite's DatabaseError, values are parsed by PGlite there.
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { messages, type Results, type RowMode } from "@electric-sql/pglite";

/** Parsers by type id, as PGlite's `parsers` query option takes them (called with the text and the id). */
export type TypeParsers = Record<number, (text: string, typeId?: number) => unknown>;

export interface ThreadQueryOptions {
  rowMode?: RowMode;
  parsers?: TypeParsers;
}

export interface ThreadSession {
  query<T>(sql: string, params?: unknown[], options?: ThreadQueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
}

export interface ThreadTransaction extends ThreadSession {
  rollback(): Promise<void>;
}

type Request =
  | { op: "query"; tx?: number; sql: string; params?: unknown[]; rowMode?: RowMode; textTypes?: number[] }
  | { op: "exec"; tx?: number; sql: string }
  | { op: "begin"; tx: number }
  | { op: "rollback"; tx: number }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "close" };

interface SerializedError {
  database: boolean;
  message: string;
  fields: Record<string, unknown>;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Where the worker's script is: a plain file Node runs as it is, so no bundler (Next, vitest, tsx) rewrites it. */
function workerScript(): string {
  // The project's root, as for the migrations (lib/db/migrate.ts): every entry point runs from there.
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "db", "pglite-worker.mjs");
  if (!existsSync(/*turbopackIgnore: true*/ file)) {
    throw new Error(`The embedded database's worker script is missing at ${file}; start from the project's folder.`);
  }
  return file;
}

function rebuildError({ database, message, fields }: SerializedError): Error {
  if (!database) return Object.assign(new Error(message), fields);
  const { length, name, ...rest } = fields;
  const error = new messages.DatabaseError(message, Number(length), name as messages.MessageName);
  return Object.assign(error, rest);
}

/** Whether structured cloning keeps the value as it is (it turns a class instance into a plain object). */
function clonesIntact(value: unknown): boolean {
  if (typeof value !== "object" || value === null || value instanceof Date || value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.every(clonesIntact);
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && Object.values(value).every(clonesIntact);
}

/** Parameters the worker would receive altered are refused, not sent. */
function checkParams(params: unknown[] | undefined): unknown[] | undefined {
  if (params && !params.every(clonesIntact)) {
    throw new TypeError("A query parameter is an instance of a class, which cannot be sent to the database thread.");
  }
  return params;
}

/** The caller's parsers on the columns the worker left as text, and objects from the array rows if asked. */
function parseRows<T>(result: Results<unknown[]>, parsers: TypeParsers, rowMode: RowMode | undefined): Results<T> {
  const { fields } = result;
  const parsed = fields.map((field) => parsers[field.dataTypeID]);
  for (const row of result.rows) {
    parsed.forEach((parse, i) => {
      const text = row[i];
      if (parse && text !== null) row[i] = parse(text as string, fields[i]!.dataTypeID);
    });
  }
  if (rowMode === "array") return result as Results<T>;
  const rows = result.rows.map((row) => Object.fromEntries(fields.map((field, i) => [field.name, row[i]])) as T);
  return { ...result, rows };
}

export class PGliteThread implements ThreadSession {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #nextTx = 0;
  /** Set once the worker is gone: every later call fails with it instead of waiting for an answer. */
  #failure: Error | undefined;
  #closing: Promise<void> | undefined;

  /** `dataDir` undefined: an in-memory database. `script` replaces the worker only in tests of a crash. */
  constructor(dataDir: string | undefined, script = workerScript()) {
    this.#worker = new Worker(script, { workerData: { dataDir } });
    // An idle database keeps the process alive no more than an in-process PGlite would.
    this.#worker.unref();
    this.#worker.on("message", (reply: Reply) => this.#settle(reply));
    this.#worker.on("error", (error) => this.#fail(new Error(`The embedded database failed: ${error.message}`)));
    this.#worker.on("exit", (code) => this.#fail(new Error(`The embedded database stopped (exit code ${code}).`)));
  }

  query<T>(sql: string, params?: unknown[], options?: ThreadQueryOptions): Promise<Results<T>> {
    return this.#query(undefined, sql, params, options);
  }

  async exec(sql: string): Promise<Results[]> {
    return (await this.#request({ op: "exec", sql })) as Results[];
  }

  /** Commits when `callback` resolves unless it rolled back; rolls back when it throws, and rethrows. */
  async transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const tx = this.#nextTx++;
    await this.#request({ op: "begin", tx });
    const session: ThreadTransaction = {
      query: (sql, params, options) => this.#query(tx, sql, params, options),
      exec: async (sql) => (await this.#request({ op: "exec", tx, sql })) as Results[],
      rollback: async () => {
        await this.#request({ op: "rollback", tx });
      },
    };
    let result: T;
    try {
      result = await callback(session);
    } catch (error) {
      await this.#request({ op: "end", tx, commit: false });
      throw error;
    }
    await this.#request({ op: "end", tx, commit: true });
    return result;
  }

  /** Closes PGlite in the worker (waiting for the calls before it, writing its files), then ends the thread. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        await this.#request({ op: "close" });
      } finally {
        this.#failure ??= new Error("PGlite is closed");
        await this.#worker.terminate();
      }
    })();
    return this.#closing;
  }

  async #query<T>(
    tx: number | undefined,
    sql: string,
    params: unknown[] | undefined,
    options: ThreadQueryOptions | undefined,
  ): Promise<Results<T>> {
    const parsers = options?.parsers;
    if (!parsers) {
      return (await this.#request({
        op: "query",
        tx,
        sql,
        params: checkParams(params),
        rowMode: options?.rowMode,
      })) as Results<T>;
    }
    // Functions cannot cross to the worker: it leaves the parsers' types as text, and they run here.
    const textTypes = Object.keys(parsers).map(Number);
    const result = await this.#request({
      op: "query",
      tx,
      sql,
      params: checkParams(params),
      rowMode: "array",
      textTypes,
    });
    return parseRows<T>(result as Results<unknown[]>, parsers, options.rowMode);
  }

  #request(request: Request): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#worker.postMessage({ ...request, id });
      } catch (error) {
        this.#pending.delete(id);
        reject(error);
        return;
      }
      // While an answer is awaited the worker must keep the process alive, or it could end mid-query.
      if (this.#pending.size === 1) this.#worker.ref();
    });
  }

  #settle(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(rebuildError(reply.error));
  }

  /** The worker crashed or ended: what waits for it fails now, and so does every later call. */
  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
  }
}
