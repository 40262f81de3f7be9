// Calling /api/v1 route handlers in tests as a client would: a real Request with a bearer token.
import { createApiToken } from "../api-tokens/service";
import type { Actor } from "../auth/actor";
import { responseMismatches } from "./openapi-responses";

const BASE = "http://switchboard.test/api/v1";
export type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface Call<P> {
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  ifMatch?: string;
  params?: P;
  query?: string;
  headers?: Record<string, string>;
}

export async function callApi<P>(method: string, path: string, handler: Handler<P>, options: Call<P> = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.ifMatch) headers["If-Match"] = options.ifMatch;
  let body: string | undefined;
  if (options.body !== undefined || options.rawBody !== undefined) {
    headers["Content-Type"] ??= "application/json";
    body = options.rawBody ?? JSON.stringify(options.body);
  }
  const request = new Request(`${BASE}${path}${options.query ?? ""}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  // Every answer a test receives must be what the OpenAPI document promises, or the test fails here.
  const mismatches = responseMismatches(method, `${path}${options.query ?? ""}`, response, json);
  if (mismatches.length > 0) throw new Error(mismatches.join("\n"));
  return { response, status: response.status, json };
}

export async function tokenFor(actor: Actor, readOnly = false) {
  return (await createApiToken(actor, { name: "api test", expiresInDays: null, readOnly })).text;
}
