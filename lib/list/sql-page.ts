// One page of a list screen and its total, in SQL through the driver (lib/db/read-rows.ts): every list runs
// this on each view, where Prisma's client work per statement (about 0.8 ms) cost more than the statements.
import { epochMillis, readRows } from "../db/read-rows";
import { Prisma } from "../generated/prisma/client";
import { type Counting, countFor, type ListTotal, PAGE_SIZE, skipFor } from "./params";

export interface SortKey<Column extends string = string> {
  column: Column;
  dir: "asc" | "desc";
}

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
  /** Conditions on the table, every value bound; none: every row. */
  where: readonly Prisma.Sql[];
  /** Column names from the list's whitelist (sortColumn), each among `columns` or `timestamps`; the last one unique. */
  orderBy: readonly SortKey[];
  page: number;
  counting: Counting;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The page's rows, sorted and limited in a subquery, then its timestamps converted and its `related` items
 * read outside it (for the page's rows only: below a sort PostgreSQL computes the select list for every
 * matching row, 20 ms for 5,000 services on PGlite), and the total as countFor counts it.
 */
export async function readPage<Row>(query: PageQuery<Row>): Promise<[Row[], ListTotal]> {
  const { alias, columns, timestamps = [], related = [] } = query;
  const read = [...columns, ...timestamps];
  for (const name of [query.table, alias, ...read]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Not an SQL identifier: ${name}`);
  }
  for (const { column } of query.orderBy) {
    if (!read.includes(column as keyof Row & string)) throw new Error(`${query.table} list: ${column} is not read`);
  }
  const from = Prisma.raw(`"${query.table}" ${alias}`);
  const where = query.where.length ? Prisma.join(query.where, " AND ") : Prisma.sql`TRUE`;
  const order = Prisma.raw(
    query.orderBy.map(({ column, dir }) => `${alias}."${column}" ${dir === "desc" ? "DESC" : "ASC"}`).join(", "),
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
        WHERE ${where} ORDER BY ${order} OFFSET ${skipFor(query.page)} LIMIT ${PAGE_SIZE}
      ) ${Prisma.raw(alias)}
      ORDER BY ${order}`),
    countFor(count, query.page, query.counting),
  ]);
  for (const row of rows) {
    for (const column of timestamps) {
      const millis = row[column];
      row[column] = millis === null ? null : new Date(millis as number);
    }
  }
  return [rows as Row[], total];
}
