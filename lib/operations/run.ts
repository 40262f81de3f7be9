// The one operation core that both doors use (server actions and /api/v1): actor, then input parsed with
// the area's zod schema, then the service (which checks rights, writes in one transaction and audits).
// It knows nothing of transports: adapters turn its outcome into an ActionResult or an HTTP response.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { isConnectionLost } from "../db/connection-lost";
import { AppError, type AppErrorCode, connectionLost, type FieldErrors } from "../errors";

export interface OperationOptions {
  /** The forced password change is the one thing a user may do before changing their password. */
  beforePasswordChange?: boolean;
  /** Enrolling the second factor a role requires is the one thing a user may do before it is set up. */
  beforeSecondFactor?: boolean;
}

export type OperationFailureCode = AppErrorCode | "error";

export type Outcome<T> =
  | { ok: true; data: T }
  | { ok: false; code: OperationFailureCode; message: string; fieldErrors: FieldErrors };

export type OperationFailure = Extract<Outcome<unknown>, { ok: false }>;

export const SIGNED_OUT_MESSAGE = "Your session has ended. Sign in again.";

export async function runOperation<S extends z.ZodType, T>(
  actor: Actor | null,
  schema: S,
  input: unknown,
  service: (actor: Actor, input: z.output<S>) => Promise<T>,
  options: OperationOptions = {},
): Promise<Outcome<T>> {
  try {
    if (!actor) return failure("unauthenticated", SIGNED_OUT_MESSAGE);
    if (actor.mustChangePassword && !options.beforePasswordChange) {
      return failure("forbidden", "Change your password before you continue.");
    }
    if (actor.mustEnrolSecondFactor && !options.beforeSecondFactor && !options.beforePasswordChange) {
      return failure("forbidden", "Set up your second factor before you continue.");
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error);
      return failure("invalid", formErrors[0] ?? "Some fields need attention.", fieldErrors as FieldErrors);
    }
    return { ok: true, data: await service(actor, parsed.data) };
  } catch (error) {
    return failureFrom(error);
  }
}

/** A thrown error as an outcome: AppErrors as they are, anything else logged (never the input) and hidden. */
export function failureFrom(error: unknown): OperationFailure {
  if (error instanceof AppError) return failure(error.code, error.message, error.fieldErrors);
  if (isConnectionLost(error)) {
    console.error("Operation failed: the database connection was lost.");
    const lost = connectionLost();
    return failure(lost.code, lost.message);
  }
  console.error("Operation failed:", error instanceof Error ? error.stack : String(error));
  return failure("error", "Something went wrong and nothing was saved. Try again.");
}

export function failure(code: OperationFailureCode, message: string, fieldErrors: FieldErrors = {}): OperationFailure {
  return { ok: false, code, message, fieldErrors };
}
