// A list read in SQL (lib/list/sql-page.ts) against Prisma's read of the same pages: every column with its
// value and type (timestamps as Dates, to the millisecond), the rows' order, and the total.
import { expect } from "vitest";
import type { Actor } from "../auth/actor";
import { PAGE_SIZE, skipFor } from "../list/params";
import type { ListRequest } from "../list/sql-page";

interface Listed<Row> {
  rows: Row[];
  total: number;
}

type Read<Params, Row> = (actor: Actor, params: Params) => Promise<Listed<Row>>;

export async function expectSamePages<Params, Row>(
  cases: readonly { actor: Actor; params: Params }[],
  read: Read<Params, Row>,
  prismaRead: Read<Params, Row>,
): Promise<void> {
  for (const { actor, params } of cases) {
    const label = `${actor.logonName}: ${JSON.stringify(params)}`;
    const expected = await prismaRead(actor, params);
    // A case that finds nothing would compare nothing.
    expect(expected.rows.length, label).toBeGreaterThan(0);
    const page = await read(actor, params);
    expect(page.rows, label).toStrictEqual(expected.rows);
    expect(page.total, label).toBe(expected.total);
  }
}

interface PageArgs {
  orderBy: Record<string, "asc" | "desc">[];
  skip: number;
  take: number;
}

/** A page through a Prisma delegate's findMany and count, sorted by `sort` in the request's direction, then by id. */
export async function prismaPage<Row>(
  request: ListRequest,
  sort: string,
  read: { findMany(page: PageArgs): Promise<Row[]>; count(): Promise<number> },
): Promise<Listed<Row>> {
  const [rows, total] = await Promise.all([
    read.findMany({
      orderBy: [{ [sort]: request.dir }, { id: "asc" }],
      skip: skipFor(request.page),
      take: PAGE_SIZE,
    }),
    read.count(),
  ]);
  return { rows, total };
}
