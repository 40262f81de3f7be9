// The embedded database (PGlite) on a thread of its own, so that its SQL runs on the machine's other core
// instead of between the server's requests. lib/db/pglite-thread.ts starts it and is its only client:
// each message names a PGlite call, and the answer carries the call's result or its error.
import { parentPort, workerData } from "node:worker_threads";
import { messages, PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

// pg_trgm: the name searches' trigram indexes (migration name_search_trigrams). Every PGlite opened on a
// data directory must load it, or reading or writing an indexed table fails.
const pg = new PGlite({ dataDir: workerData.dataDir, extensions: { pg_trgm } });
// A failed start reaches every call through PGlite's own readiness check; unheeded here it would end the thread.
pg.waitReady.catch(() => undefined);

/** The open transactions by the id the main thread gave them: PGlite's tx, and how to end its callback. */
const transactions = new Map();
/** Rejects a transaction's callback so that PGlite rolls back; never reported as the transaction's error. */
const ROLLED_BACK = Symbol("rolled back");

/** The values of these types come back as PGlite read them (text): the caller's parsers take them. */
const textParsers = new Map();
function keepText(types) {
  const key = types.join(",");
  let parsers = textParsers.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(types.map((type) => [type, (text) => text]));
    textParsers.set(key, parsers);
  }
  return parsers;
}

/** The open transaction named, or PGlite's own error for a closed one. */
function session(tx) {
  if (tx === undefined) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error("Transaction is closed");
  return open.tx;
}

function begin(message) {
  let begun = false;
  const done = pg.transaction(
    (tx) =>
      new Promise((commit, rollBack) => {
        begun = true;
        transactions.set(message.tx, { tx, commit, rollBack, done });
        answer(message.id, { ok: true });
      }),
  );
  // BEGIN itself failed: the callback never ran, so the failure is the answer to "begin".
  done.catch((error) => {
    if (!begun) answer(message.id, { ok: false, error: serializeError(error) });
  });
}

/** Ends the callback as the main thread's ended: PGlite commits unless it was rolled back, as in-process. */
async function end({ tx, commit }) {
  const open = transactions.get(tx);
  if (!open) throw new Error("Transaction is closed");
  transactions.delete(tx);
  if (commit) open.commit();
  else open.rollBack(ROLLED_BACK);
  await open.done.catch((error) => {
    if (error !== ROLLED_BACK) throw error;
  });
}

async function run(message) {
  switch (message.op) {
    case "query":
      return session(message.tx).query(message.sql, message.params, {
        rowMode: message.rowMode,
        parsers: message.textTypes && keepText(message.textTypes),
      });
    case "exec":
      return session(message.tx).exec(message.sql);
    case "rollback":
      return session(message.tx).rollback();
    case "end":
      return end(message);
    case "close":
      return pg.close();
    default:
      throw new Error(`Unknown operation ${message.op}`);
  }
}

/** DatabaseError's fields (code, detail, constraint…) survive the copy; the main thread rebuilds the class. */
function serializeError(error) {
  if (error instanceof messages.DatabaseError) {
    const { queryOptions: _functions, ...fields } = error;
    return { database: true, message: error.message, fields };
  }
  if (error instanceof Error) return { database: false, message: error.message, fields: { name: error.name } };
  return { database: false, message: String(error), fields: {} };
}

function answer(id, reply) {
  parentPort.postMessage({ id, ...reply });
}

parentPort.on("message", (message) => {
  if (message.op === "begin") {
    begin(message);
    return;
  }
  run(message).then(
    (value) => answer(message.id, { ok: true, value }),
    (error) => answer(message.id, { ok: false, error: serializeError(error) }),
  );
});
