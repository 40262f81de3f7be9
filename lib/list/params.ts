// Server-side list paging, search and sort, shared by every list screen and the API.
import { z } from "zod";
import { zLine } from "../schemas";

export const PAGE_SIZE = 25;

export const ZListParams = z.object({
  q: zLine({ max: 100 }).optional().catch(undefined),
  sort: z.string().max(40).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type TListParams = z.infer<typeof ZListParams>;

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
  /** False when the count stopped early (`counting: "window"`): there are more rows than `total`. */
  totalExact?: boolean;
}

/** How a list counts its matches: all of them, or at most COUNT_WINDOW from the page's first row. */
export type Counting = "exact" | "window";

/** How far a console list counts past the start of its page before it says "more than". */
export const COUNT_WINDOW = 1_000;

/** A page of a list as /api/v1 answers it: the rows and where they stand in the whole list. */
export function zPageOf<R extends z.ZodType>(row: R) {
  return z.object({
    rows: z.array(row),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageCount: z.number().int().min(1),
  });
}

/** The sort column if the list allows it, else the list's default. */
export function sortColumn<C extends string>(requested: string | undefined, allowed: readonly C[], fallback: C): C {
  return allowed.includes(requested as C) ? (requested as C) : fallback;
}

export function pageOf<T>(rows: T[], total: number | ListTotal, page: number): Page<T> {
  const { total: count, exact } = typeof total === "number" ? { total, exact: true } : total;
  return {
    rows,
    total: count,
    page,
    pageCount: Math.max(1, Math.ceil(count / PAGE_SIZE)),
    ...(exact ? {} : { totalExact: false }),
  };
}

export interface ListTotal {
  total: number;
  exact: boolean;
}

/**
 * A list's total for one page. Counting every match costs as much as the table is large (PostgreSQL
 * reads each row to count it), so the console counts at most COUNT_WINDOW rows from the page's first
 * row: a page of 100,000 rows costs what one of 1,000 does, and the total is then "more than". The API
 * counts exactly: scripts page by it.
 */
export async function countFor(
  count: (window: { skip?: number; take?: number }) => Promise<number>,
  page: number,
  counting: Counting = "exact",
): Promise<ListTotal> {
  if (counting === "exact") return { total: await count({}), exact: true };
  const skip = skipFor(page);
  const ahead = await count({ skip, take: COUNT_WINDOW + 1 });
  // Past the end: the whole count says where the end is, for the page's "page N of M".
  if (ahead === 0 && skip > 0) return { total: await count({}), exact: true };
  return ahead <= COUNT_WINDOW ? { total: skip + ahead, exact: true } : { total: skip + COUNT_WINDOW, exact: false };
}

export function skipFor(page: number): number {
  return (page - 1) * PAGE_SIZE;
}

/**
 * A case-insensitive substring filter for what a person typed. Prisma passes `contains` into LIKE
 * unescaped, so % and _ would act as wildcards; they are escaped to match themselves.
 */
export function textContains(text: string) {
  return { contains: text.replace(/[\\%_]/g, (c) => `\\${c}`), mode: "insensitive" as const };
}
