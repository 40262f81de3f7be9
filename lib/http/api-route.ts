// The HTTP adapter of the operation core for /api/v1 route handlers: the actor from the bearer token
// (never a session cookie), the JSON body and If-Match read safely, the core run, its outcome as a status
// and JSON or application/problem+json. Routes only say where the input comes from; rules stay in services.
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { failureFrom, runOperation } from "../operations/run";
import { etagOf, parseIfMatch } from "./etag";
import { problemResponse } from "./problem";
import { MAX_JSON_BODY_BYTES, readJsonBody } from "./read-json";
import { readTextBody } from "./read-text";

export type Authentication =
  | { ok: true; actor: Actor }
  | { ok: false; code: "unauthenticated" | "throttled"; detail: string; retryAfterSeconds?: number };

export type Authenticator = (request: Request) => Promise<Authentication>;

export interface RouteInput<P> {
  params: P;
  url: URL;
  /** The parsed JSON body, or the text of a text body (undefined unless the route reads one). */
  body: unknown;
  /** The version If-Match names (undefined unless the route requires one). */
  version: number | undefined;
}

export interface Reply {
  body?: unknown;
  /** The record's version after the operation, sent as ETag. */
  version?: number;
  location?: string;
  /** Further response headers (a download's Content-Disposition). */
  headers?: Record<string, string>;
}

export interface ApiRouteSpec<P, S extends z.ZodType, T> {
  schema: S;
  /** Builds the raw input for the schema from the request's parts. */
  input: (request: RouteInput<P>) => unknown;
  run: (actor: Actor, input: z.output<S>) => Promise<T>;
  reply: (data: T) => Reply;
  /** Read a JSON body (POST, PUT), or "text": a text/* body as a string (a driver's file). */
  body?: boolean | "text";
  /** The body's cap when a route takes more than a form's (an import document). */
  maxBodyBytes?: number;
  /** Updates and deletes name the version they change: missing If-Match is 428. */
  ifMatch?: boolean;
  status?: 200 | 201 | 204;
}

type RouteContext<P> = { params: Promise<P> };

export function apiRouteWrapper(authenticate: Authenticator) {
  return function defineApiRoute<P, S extends z.ZodType, T>(spec: ApiRouteSpec<P, S, T>) {
    return async (request: Request, context: RouteContext<P>): Promise<Response> => {
      let authentication: Authentication;
      try {
        authentication = await authenticate(request);
      } catch (error) {
        const failure = failureFrom(error);
        return problemResponse(failure.code, failure.message);
      }
      if (!authentication.ok) {
        const retry = authentication.retryAfterSeconds;
        return problemResponse(
          authentication.code,
          authentication.detail,
          {},
          retry ? { "Retry-After": String(retry) } : {},
        );
      }
      let version: number | undefined;
      if (spec.ifMatch) {
        const ifMatch = parseIfMatch(request.headers.get("if-match"));
        if (ifMatch.kind === "missing") {
          return problemResponse("precondition_required", "Send If-Match with the ETag of the version you change.");
        }
        if (ifMatch.kind === "unusable") {
          return problemResponse("bad_request", 'If-Match must be one ETag as sent by a read, like W/"3".');
        }
        version = ifMatch.version;
      }
      let body: unknown;
      if (spec.body === "text") {
        const text = await readTextBody(request, spec.maxBodyBytes ?? MAX_JSON_BODY_BYTES);
        if (!text.ok) return problemResponse(text.code, text.detail);
        body = text.value;
      } else if (spec.body) {
        const json = await readJsonBody(request, spec.maxBodyBytes);
        if (!json.ok) return problemResponse(json.code, json.detail);
        body = json.value;
      }
      const params = (await context?.params) ?? ({} as P);
      const raw = spec.input({ params, url: new URL(request.url), body, version });
      const outcome = await runOperation(authentication.actor, spec.schema, raw, spec.run);
      if (!outcome.ok) return problemResponse(outcome.code, outcome.message, outcome.fieldErrors);
      return replyResponse(spec.reply(outcome.data), spec.status ?? 200);
    };
  };
}

function replyResponse(reply: Reply, status: 200 | 201 | 204): Response {
  const headers: Record<string, string> = { ...reply.headers, "Cache-Control": "no-store" };
  if (reply.version !== undefined) headers.ETag = etagOf(reply.version);
  if (reply.location) headers.Location = reply.location;
  if (status === 204) return new Response(null, { status, headers });
  headers["Content-Type"] = "application/json";
  return new Response(JSON.stringify(reply.body ?? null), { status, headers });
}
