// The wrapper every server action goes through: session, then input parsed with the same schema as
// the form, then the service (which checks rights and audits inside), then a typed result.
// Treat each action as a public POST endpoint: nothing here trusts the browser.
// Who is signed in comes from a resolver, so that tests can run real actions with a real database
// and a chosen actor; define-action.ts binds it to the request's next-auth session.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { isConnectionLost } from "../db/connection-lost";
import { AppError, connectionLost, type FieldErrors } from "../errors";
import type { ActionResult } from "./result";

export interface ActionOptions {
  /** The forced password change is the one thing a user may do before changing their password. */
  beforePasswordChange?: boolean;
  /** Enrolling the second factor a role requires is the one thing a user may do before it is set up. */
  beforeSecondFactor?: boolean;
}

export type ActorResolver = () => Promise<Actor | null>;

export function actionWrapper(resolveActor: ActorResolver) {
  return function defineAction<S extends z.ZodType, T>(
    schema: S,
    run: (actor: Actor, input: z.output<S>) => Promise<T>,
    options: ActionOptions = {},
  ): (input: z.input<S>) => Promise<ActionResult<T>> {
    return async (input) => {
      try {
        const actor = await resolveActor();
        if (!actor) return failure("unauthenticated", "Your session has ended. Sign in again.");
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
        return { ok: true, data: await run(actor, parsed.data) };
      } catch (error) {
        return failureOf(error);
      }
    };
  };
}

/** The result for an action that threw: typed errors say what happened, anything else says nothing was saved. */
export function failureOf(error: unknown): Failure {
  if (error instanceof AppError) return failure(error.code, error.message, error.fieldErrors);
  if (isConnectionLost(error)) {
    console.error("Server action failed: the database connection was lost.");
    const lost = connectionLost();
    return failure(lost.code, lost.message);
  }
  // Unexpected: log the kind and stack for operators, never the input, and tell the user nothing was saved.
  console.error("Server action failed:", error instanceof Error ? error.stack : String(error));
  return failure("error", "Something went wrong and nothing was saved. Try again.");
}

type Failure = Extract<ActionResult, { ok: false }>;

function failure(code: Failure["code"], formError: string, fieldErrors: FieldErrors = {}): Failure {
  return { ok: false, code, formError, fieldErrors };
}
