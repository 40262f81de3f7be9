// The server-action adapter of the operation core (lib/operations/run.ts): the actor from a resolver,
// the core's outcome as the ActionResult forms expect. Treat each action as a public POST endpoint.
// Who is signed in comes from a resolver, so that tests can run real actions with a real database
// and a chosen actor; define-action.ts binds it to the request's next-auth session.
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { failureFrom, type OperationOptions, runOperation } from "../operations/run";
import type { ActionResult } from "./result";

export type ActionOptions = OperationOptions;

export type ActorResolver = () => Promise<Actor | null>;

export function actionWrapper(resolveActor: ActorResolver) {
  return function defineAction<S extends z.ZodType, T>(
    schema: S,
    run: (actor: Actor, input: z.output<S>) => Promise<T>,
    options: ActionOptions = {},
  ): (input: z.input<S>) => Promise<ActionResult<T>> {
    return async (input) => {
      let actor: Actor | null;
      try {
        actor = await resolveActor();
      } catch (error) {
        const { code, message, fieldErrors } = failureFrom(error);
        return { ok: false, code, formError: message, fieldErrors };
      }
      const outcome = await runOperation(actor, schema, input, run, options);
      if (outcome.ok) return outcome;
      return { ok: false, code: outcome.code, formError: outcome.message, fieldErrors: outcome.fieldErrors };
    };
  };
}
