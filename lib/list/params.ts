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
}

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

export function pageOf<T>(rows: T[], total: number, page: number): Page<T> {
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
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
