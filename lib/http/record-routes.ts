// The routes of one versioned record, /api/v1/<area>/{id}: GET with its ETag, PUT and DELETE with
// If-Match naming the version read. An area gives its services and how its record reads; the path
// names the record and If-Match its version, and a body can override neither.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { ZDeleteRequest, ZId } from "../schemas";
import type { Reply, RouteInput } from "./api-route";
import { defineApiRoute } from "./define-api-route";

type Params = { id: string };

export interface RecordRoutesSpec<R, S extends z.ZodType, U> {
  read: (actor: Actor, id: string) => Promise<R>;
  /** How the read record answers: its body and version. */
  readReply: (record: R) => Reply;
  updateSchema: S;
  update: (actor: Actor, input: z.output<S>) => Promise<U>;
  updateReply: (record: U) => Reply;
  remove: (actor: Actor, input: z.output<typeof ZDeleteRequest>) => Promise<unknown>;
}

export function recordRoutes<R, S extends z.ZodType, U>(spec: RecordRoutesSpec<R, S, U>) {
  return {
    GET: defineApiRoute({
      schema: z.object({ id: ZId }),
      input: ({ params }: RouteInput<Params>) => ({ id: params.id }),
      run: (actor, input) => spec.read(actor, input.id),
      reply: spec.readReply,
    }),
    PUT: defineApiRoute({
      schema: spec.updateSchema,
      body: true,
      ifMatch: true,
      input: ({ params, body, version }: RouteInput<Params>) => ({
        ...(typeof body === "object" && body !== null ? body : {}),
        id: params.id,
        version,
      }),
      run: spec.update,
      reply: spec.updateReply,
    }),
    DELETE: defineApiRoute({
      schema: ZDeleteRequest,
      ifMatch: true,
      status: 204,
      input: ({ params, version }: RouteInput<Params>) => ({ id: params.id, version }),
      run: spec.remove,
      reply: () => ({}),
    }),
  };
}
