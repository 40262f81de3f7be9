// A pg.Pool that gives back a checked-out client as soon as its connection dies.
// Why: Prisma's transaction manager releases a transaction's client only after a successful COMMIT or
// ROLLBACK statement (@prisma/adapter-pg's commit()/rollback() call release()); when the backend was
// terminated that statement fails, release() is never called and the client stays checked out for
// good. A few lost connections under load then leave the pool with no usable client and every later
// request waits forever. Here a client whose connection ended is released with the error (so the pool
// destroys it and opens a new one when needed), and the later release from its holder does nothing.
import pg from "pg";
import { isConnectionLost, markConnectionLost } from "./connection-lost";

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: pg.PoolClient["release"],
) => void;

/** Clients whose connection has died; pg rejects their queries with errors that carry no code. */
const lostClients = new WeakSet<pg.PoolClient>();
const wrappedClients = new WeakSet<pg.PoolClient>();

/**
 * Once per client: a query that fails because the connection died says so. The client is known lost from the
 * moment its connection fails, whether or not someone holds it then: a later query on it (a ROLLBACK from
 * its holder, say) fails with pg's "not queryable" error, which carries no code. Errors the client emits are
 * always about its connection.
 */
function markLostQueries(client: pg.PoolClient) {
  if (wrappedClients.has(client)) return;
  wrappedClients.add(client);
  client.on("error", (error) => {
    lostClients.add(client);
    markConnectionLost(error);
  });
  client.on("end", () => lostClients.add(client));
  const mark = (error: unknown) => (lostClients.has(client) ? markConnectionLost(error) : error);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === "function") {
      // pg-pool's own query() passes a callback.
      const callback = last as (error: unknown, result?: unknown) => void;
      return query(...args.slice(0, -1), (error: unknown, result: unknown) => callback(error && mark(error), result));
    }
    const result = query(...args);
    if (!(result instanceof Promise)) return result;
    return result.catch((error: unknown) => {
      throw mark(error);
    });
  }) as typeof client.query;
}

/** For one checkout: release the client when its connection ends; the holder's release is then a no-op. */
function releaseOnLoss(client: pg.PoolClient): pg.PoolClient {
  markLostQueries(client);
  const release = client.release;
  let released = false;
  const onLost = () => {
    lostClients.add(client);
    client.release(new Error("The database connection was lost."));
  };
  client.release = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener("end", onLost);
    client.removeListener("error", onLost);
    release(error);
  };
  client.once("end", onLost);
  client.once("error", onLost);
  return client;
}

// A statement that only reads may run again on a new connection; anything else may have taken effect.
const READ = /^\s*select\b/i;
const textOf = (query: unknown) =>
  typeof query === "string" ? query : ((query as { text?: unknown } | null)?.text ?? "");

export class RecoveringPool extends pg.Pool {
  /**
   * Outside a transaction, a read whose connection turns out dead (an idle connection the server ended
   * a moment ago) runs again, so the user never sees a lost connection on a page load. When the server
   * ended every idle connection at once, the next one taken may be dead too (the pool learns of each
   * only when it reads that socket); each failed one is destroyed, so after as many tries as the pool
   * holds connections, the read runs on a new one.
   */
  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool's query() has many overloads; this forwards them all.
  override query(...args: any[]): any {
    const run = () => (super.query as (...a: unknown[]) => unknown)(...args);
    const result = run();
    const read = READ.test(String(textOf(args[0])));
    if (!read || !(result instanceof Promise) || typeof args.at(-1) === "function") return result;
    const tries = (this.options.max ?? 10) + 1;
    const retry =
      (attempt: number) =>
      (error: unknown): unknown => {
        if (!isConnectionLost(error) || attempt >= tries) throw error;
        return (run() as Promise<unknown>).catch(retry(attempt + 1));
      };
    return result.catch(retry(1));
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    if (!callback) {
      // Not super.connect()'s promise: pg-pool hands a new client out inside the read that brought the server's
      // "ready", and a FATAL later in that read must already meet releaseOnLoss's listeners, not a promise tick.
      return new Promise((resolve, reject) => {
        this.connect((error, client) => (error || !client ? reject(error) : resolve(client)));
      });
    }
    // pg-pool's own query() checks out through the callback form.
    super.connect((err, client, done) => {
      if (err || !client) return callback(err && markConnectionLost(err), client, done);
      const guarded = releaseOnLoss(client);
      callback(undefined, guarded, guarded.release);
    });
    return undefined;
  }
}
