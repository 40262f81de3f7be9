// Reads on the hot paths (the session's user and rights on every request, an inbound call's service and
// caller, the list pages' own queries), straight through the driver. Prisma 6.19's client spends about 0.8 ms of the server's one thread on each
// statement besides the driver's own work (its query compiler and interpreter run even for $queryRaw):
// measured on the embedded database, `SELECT 1` took 1.04 ms through $queryRaw and 0.17 ms through the
// driver. Inside a transaction, or on a transaction's client, the read goes through Prisma and joins it.
//
// The rows are the driver's: text, booleans, int4 and JSON come back as Prisma would return them; a
// statement that needs a timestamp reads it through epochMillis, an int8 casts it to int (the two drivers
// parse those differently).
import { Prisma } from "../generated/prisma/client";
import { type Db, db, dbAdapter, rootDb, type Tx } from ".";

export async function readRows<T>(query: Prisma.Sql, client: Db | Tx = db()): Promise<T[]> {
  if (client !== rootDb()) return (client as Db).$queryRaw<T[]>(query);
  return dbAdapter().sql.query<T>(query.text, query.values);
}

/**
 * A timestamp column as milliseconds since the epoch (float8, exact for whole milliseconds); `column` is
 * trusted SQL such as `s."createdAt"`. In a sorted, limited read, select it outside the subquery that sorts
 * and limits: below a sort PostgreSQL computes it for every matching row.
 */
export function epochMillis(column: string): Prisma.Sql {
  return Prisma.raw(`(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`);
}
