// Recognises "the database connection is gone" among the errors a query can end with, by codes and
// by a mark the pool sets (pg's own errors for a dead connection carry no code), never by message text.
const LOST = Symbol.for("switchboard.db.connectionLost");

/** Marks an error raised because the connection died or none could be opened. */
export function markConnectionLost<E>(error: E): E {
  if (error instanceof Error) Object.defineProperty(error, LOST, { value: true });
  return error;
}

// SQLSTATE class 08 is "connection exception"; 57P01-57P03 are the server shutting the session down.
const LOST_SQLSTATE = /^(08...|57P0[1-3])$/;
// The driver adapter's names for a socket that closed or could not be opened.
const LOST_KINDS = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout", "TooManyConnections"]);
// Prisma's: cannot reach the server, the server closed the connection, no connection from the pool in time,
// and a transaction that could not start (no connection in time) or ended before its commit.
const LOST_PRISMA_CODES = new Set(["P1001", "P1017", "P2024", "P2028"]);

interface ErrorShape {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  cause?: unknown;
  [LOST]?: unknown;
}

export function isConnectionLost(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    const e = current as ErrorShape;
    if (e[LOST] === true) return true;
    if (typeof e.code === "string" && (LOST_SQLSTATE.test(e.code) || LOST_PRISMA_CODES.has(e.code))) return true;
    if (typeof e.originalCode === "string" && LOST_SQLSTATE.test(e.originalCode)) return true;
    if (typeof e.kind === "string" && LOST_KINDS.has(e.kind)) return true;
    current = e.cause;
  }
  return false;
}
