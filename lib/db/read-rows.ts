// The reads that run on every request (the session's user and rights; an inbound call's service and caller),
// straight through the driver. Prisma 6.19's client spends about 0.8 ms of the server's one thread on each
// statement besides the driver's own work (its query compiler and interpreter run even for $queryRaw):
// measured on the embedded database, `SELECT 1` took 1.04 ms through $queryRaw and 0.17 ms through the
// driver. Inside a transaction, or on a transaction's client, the read goes through Prisma and joins it.
//
// The rows are the driver's: text, booleans, int4 and JSON come back as Prisma would return them; a
// statement that needs a timestamp or an int8 converts it in SQL (the two drivers parse those differently).
import type { Prisma } from "../generated/prisma/client";
import { type Db, db, dbAdapter, rootDb, type Tx } from ".";

export async function readRows<T>(query: Prisma.Sql, client: Db | Tx = db()): Promise<T[]> {
  if (client !== rootDb()) return (client as Db).$queryRaw<T[]>(query);
  return dbAdapter().sql.query<T>(query.text, query.values);
}
