// One page of a list screen and its total, in SQL through the driver (lib/db/read-rows.ts): every list runs
// this on each view, where Prisma's client work per statement (about 0.8 ms) cost more than the statements.
import { epochMillis, readRows } from "../db/read-rows";
import { Prisma } from "../generated/prisma/client";
import type { Scope } from "../rights/can";
import { scopeSql } from "../rights/scope-sql";
import {
  type Counting,
  countFor,
  PAGE_SIZE,
  type Page,
  pageOf,
  skipFor,
  sortColumn,
  type TListParams,
  textContains,
} from "./params";

/** What a list's query string asks for: the sort (checked against the list's own), its direction, the page. */
export type ListRequest = Pick<TListParams, "sort" | "dir" | "page">;

export interface PageQuery<Row> {
  /** The table, as Prisma names it ("User"); conditions and `related` call it `alias`. */
  table: string;
  alias: string;
  /** Columns returned as the driver reads them (text, booleans, int4, enums, JSON come back as Prisma's). */
  columns: readonly (keyof Row & string)[];
  /** Timestamp columns, returned as Date (null stays null). */
  timestamps?: readonly (keyof Row & string)[];
  /** More select items per page row, each `… AS "name"`: a count, a relation as JSON. */
  related?: readonly Prisma.Sql[];
  /** Only the rows the actor may see (scopeOf), by their id. */
  scope?: Scope;
  /** What a person typed, found in any case in any of these columns (% and _ only match themselves). */
  search?: { text: string | undefined; columns: readonly [keyof Row & string, ...(keyof Row & string)[]] };
  /** More conditions on the table, every value bound. */
  where?: readonly Prisma.Sql[];
  /** The columns the list may be sorted by, each among `columns` or `timestamps`; the first is the default. */
  sorts: readonly [string, ...string[]];
  /** The order of ids among rows equal in the sort column: ascending unless said. */
  ties?: "asc" | "desc";
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The page's rows, sorted (ties by id) and limited in a subquery, then its timestamps converted and its `related` items
 * read outside it (for the page's rows only: below a sort PostgreSQL computes the select list for every
 * matching row, 20 ms for 5,000 services on PGlite), and the total as countFor counts it.
 */
export async function readPage<Row>(
  request: ListRequest,
  query: PageQuery<Row>,
  counting: Counting = "exact",
): Promise<Page<Row>> {
  const { alias, columns, timestamps = [], related = [], search } = query;
  const read: string[] = [...columns, ...timestamps];
  for (const name of [query.table, alias, ...read, ...(search?.columns ?? [])]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Not an SQL identifier: ${name}`);
  }
  for (const column of [...query.sorts, "id"]) {
    if (!read.includes(column)) throw new Error(`${query.table} list: ${column} is not read`);
  }
  const sort = sortColumn(request.sort, query.sorts, query.sorts[0]);
  const direction = (dir: "asc" | "desc") => (dir === "desc" ? "DESC" : "ASC");
  const from = Prisma.raw(`"${query.table}" ${alias}`);
  const conditions = [...(query.where ?? [])];
  if (query.scope && !query.scope.all) conditions.push(scopeSql(query.scope, `${alias}."id"`));
  if (search?.text) {
    const pattern = `%${textContains(search.text).contains}%`;
    const found = search.columns.map((column) => Prisma.sql`${Prisma.raw(`${alias}."${column}"`)} ILIKE ${pattern}`);
    conditions.push(Prisma.sql`(${Prisma.join(found, " OR ")})`);
  }
  const where = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  const order = Prisma.raw(
    `${alias}."${sort}" ${direction(request.dir)}, ${alias}."id" ${direction(query.ties ?? "asc")}`,
  );
  const select = [
    ...columns.map((column) => Prisma.raw(`${alias}."${column}"`)),
    ...timestamps.map((column) => Prisma.sql`${epochMillis(`${alias}."${column}"`)} AS ${Prisma.raw(`"${column}"`)}`),
    ...related,
  ];
  const count = async ({ skip, take }: { skip?: number; take?: number }) => {
    const window = take === undefined ? Prisma.empty : Prisma.sql`OFFSET ${skip ?? 0} LIMIT ${take}`;
    const counted = await readRows<{ n: number }>(Prisma.sql`
      SELECT COUNT(*)::int AS n FROM (SELECT 1 FROM ${from} WHERE ${where} ${window}) counted`);
    return counted[0]?.n ?? 0;
  };
  // The outer query names the page's rows by the same alias, so `related` items read like the conditions.
  const [rows, total] = await Promise.all([
    readRows<Record<string, unknown>>(Prisma.sql`
      SELECT ${Prisma.join(select)}
      FROM (
        SELECT ${Prisma.raw(read.map((column) => `${alias}."${column}"`).join(", "))} FROM ${from}
        WHERE ${where} ORDER BY ${order} OFFSET ${skipFor(request.page)} LIMIT ${PAGE_SIZE}
      ) ${Prisma.raw(alias)}
      ORDER BY ${order}`),
    countFor(count, request.page, counting),
  ]);
  for (const row of rows) {
    for (const column of timestamps) {
      const millis = row[column];
      row[column] = millis === null ? null : new Date(millis as number);
    }
  }
  return pageOf(rows as Row[], total, request.page);
}
