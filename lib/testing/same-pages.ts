// A list read in SQL (lib/list/sql-page.ts) against Prisma's read of the same pages: every column with its
// value and type (timestamps as Dates, to the millisecond), the rows' order, and the total.
import { expect } from "vitest";
import type { Actor } from "../auth/actor";
import { PAGE_SIZE, skipFor } from "../list/params";
import type { ListRequest } from "../list/sql-page";
import type { RightSpec } from "../rights/built-in-roles";
import { actorViewing, bootstrapAdministrator } from "./factories";

interface Listed<Row> {
  rows: Row[];
  total: number;
}

type Read<Params, Row> = (actor: Actor, params: Params) => Promise<Listed<Row>>;

/** The administrator, and an actor who may view every third of these records only: a list's two readers. */
export async function adminAndViewer(objectType: RightSpec["objectType"], records: readonly { id: string }[]) {
  const viewed = records.filter((_, i) => i % 3 === 1).map((record) => record.id);
  return [await bootstrapAdministrator(), await actorViewing(objectType, viewed)];
}

/** Every request read by every actor: the same rows and total as Prisma's read, and something to compare. */
export async function expectSamePages<Params, Row>(
  read: Read<Params, Row>,
  prismaRead: Read<Params, Row>,
  actors: readonly Actor[],
  requests: readonly Params[],
): Promise<void> {
  const seen = new Map<Actor, number>();
  for (const params of requests) {
    let found = 0;
    for (const actor of actors) {
      const label = `${actor.logonName}: ${JSON.stringify(params)}`;
      const expected = await prismaRead(actor, params);
      const page = await read(actor, params);
      expect(page.rows, label).toStrictEqual(expected.rows);
      expect(page.total, label).toBe(expected.total);
      found += expected.rows.length;
      seen.set(actor, (seen.get(actor) ?? 0) + expected.rows.length);
    }
    // A request, or an actor, that finds nothing would compare nothing.
    expect(found, JSON.stringify(params)).toBeGreaterThan(0);
  }
  for (const actor of actors) expect(seen.get(actor), actor.logonName).toBeGreaterThan(0);
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
