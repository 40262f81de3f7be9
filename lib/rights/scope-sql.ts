// A scope (lib/rights/can.ts) as a SQL condition, for reads written in SQL: what scopeWhere is to Prisma.
import { Prisma } from "../generated/prisma/client";
import type { Scope } from "./can";

/** `idColumn` is trusted SQL naming the record's id column, such as `s."id"`. */
export function scopeSql(scope: Scope, idColumn: string): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  if (scope.ids.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${Prisma.raw(idColumn)} IN (${Prisma.join(scope.ids)})`;
}
