// A list read in SQL (lib/list/sql-page.ts) against Prisma's read of the same pages: every column with its
// value and type (timestamps as Dates, to the millisecond), the rows' order, and the total.
import { expect } from "vitest";

interface Listed<Row> {
  rows: Row[];
  total: number;
}

export async function expectSamePages<Case, Row>(
  cases: readonly Case[],
  read: (c: Case) => Promise<Listed<Row>>,
  prismaRead: (c: Case) => Promise<Listed<Row>>,
): Promise<void> {
  for (const c of cases) {
    const label = JSON.stringify(c);
    const expected = await prismaRead(c);
    // A case that finds nothing would compare nothing.
    expect(expected.rows.length, label).toBeGreaterThan(0);
    const page = await read(c);
    expect(page.rows, label).toStrictEqual(expected.rows);
    expect(page.total, label).toBe(expected.total);
  }
}
