// Operation failures as HTTP: a status per failure code and an application/problem+json body (RFC 9457)
// carrying the same field errors the console's form gets.
import { z } from "zod";
import type { FieldErrors } from "../errors";
import type { OperationFailureCode } from "../operations/run";

/** Failures only the HTTP door has: no operation runs when the request itself is unusable. */
export type HttpFailureCode =
  | OperationFailureCode
  | "bad_request"
  | "too_large"
  | "unsupported_media_type"
  | "precondition_required"
  | "throttled"
  | "conflict";

export const PROBLEM_STATUS = {
  invalid: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 412,
  too_large: 413,
  unsupported_media_type: 415,
  locked: 423,
  precondition_required: 428,
  throttled: 429,
  error: 500,
  unavailable: 503,
} as const satisfies Record<HttpFailureCode, number>;

const TITLES = {
  invalid: "Some fields need attention",
  bad_request: "The request cannot be read",
  unauthenticated: "Authentication required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  stale: "The record was changed since this version",
  too_large: "The request body is too large",
  unsupported_media_type: "The request body must be JSON",
  locked: "Locked",
  precondition_required: "If-Match is required",
  throttled: "Too many requests",
  error: "Internal error",
  unavailable: "The database is unavailable",
} as const satisfies Record<HttpFailureCode, string>;

/** Every failure's body, as the OpenAPI document declares it for each problem status. */
export const ZProblem = z.object({
  type: z.string().describe("urn:switchboard:problem:<code>, one per kind of failure."),
  title: z.string().describe("What kind of failure, the same for every failure of its type."),
  status: z.number().int().min(400).max(599),
  detail: z.string().describe("What went wrong with this request, in words for people."),
  errors: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe("Field errors of the request body, by field path (a.b.0.c), as the console's form shows them."),
});

export type Problem = z.input<typeof ZProblem>;

export function problemOf(code: HttpFailureCode, detail: string, fieldErrors: FieldErrors = {}): Problem {
  return {
    type: `urn:switchboard:problem:${code}`,
    title: TITLES[code],
    status: PROBLEM_STATUS[code],
    detail,
    ...(Object.keys(fieldErrors).length > 0 ? { errors: fieldErrors } : {}),
  };
}

export function problemResponse(
  code: HttpFailureCode,
  detail: string,
  fieldErrors: FieldErrors = {},
  headers: Record<string, string> = {},
): Response {
  const problem = problemOf(code, detail, fieldErrors);
  const extra: Record<string, string> = { ...headers };
  // RFC 9110: a 401 names the scheme that would work.
  if (code === "unauthenticated") extra["WWW-Authenticate"] = 'Bearer realm="switchboard"';
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...extra },
  });
}
