// What every server action returns: data, or errors to show next to fields and in a toast.
import type { AppErrorCode, FieldErrors } from "../errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "error"; fieldErrors: FieldErrors; formError: string };
