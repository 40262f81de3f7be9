// Typed application errors: services throw them, the action wrapper and API map them to results.
// Their messages are written for users; raw exception text never reaches a browser.

export type FieldErrors = Record<string, string[]>;

export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "stale"
  | "invalid"
  | "locked"
  | "unavailable";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = () => new AppError("unauthenticated", "Your session has ended. Sign in again.");
export const forbidden = (message = "You do not have the right to do this.") => new AppError("forbidden", message);
export const notFound = (what: string) =>
  new AppError("not_found", `${what} does not exist (it may have been deleted).`);
export const stale = (what: string) =>
  new AppError("stale", `This ${what} was changed since you opened it. Reload it to see the changes, then try again.`);
/** The database connection died mid-request, or none could be had in time: the transaction did not commit. */
export const connectionLost = () =>
  new AppError("unavailable", "The database was unavailable; nothing was saved. Try again.");
export const invalid = (fieldErrors: FieldErrors, message = "Some fields need attention.") =>
  new AppError("invalid", message, fieldErrors);

/** A unique constraint was violated: Prisma's P2002, or the raw 23505 the PGlite adapter passes through. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown; originalCode?: unknown } } | null;
  return e?.code === "P2002" || e?.cause?.code === "23505" || e?.cause?.originalCode === "23505";
}

/** The record to update did not match (deleted, or its version moved on). */
export function isRecordNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2025";
}
