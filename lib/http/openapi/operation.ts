// What the OpenAPI document says about one /api/v1 operation. Every schema here is the one the route
// parses or answers with (never a copy), so the document and the API cannot disagree.
import type { z } from "zod";

export type HttpMethod = "get" | "post" | "put" | "delete";

/** The problem statuses an operation may answer with, besides those every operation has (401, 429). */
export type ProblemStatus = 400 | 403 | 404 | 412 | 413 | 415 | 428;

export interface ApiOperation {
  method: HttpMethod;
  /** Below /api/v1, with path parameters in braces, as the route's folder names them: /roles/{id}. */
  path: string;
  /** Groups operations in the document and on the console's API page. */
  tag: string;
  summary: string;
  description?: string;
  /** One schema per path parameter (the route's own parsing applies them). */
  params?: z.ZodObject;
  /** The query string's schema, as the route parses `url.searchParams`. */
  query?: z.ZodObject;
  /**
   * The JSON body: the request schema the route parses, less the fields the route takes from the path
   * or from If-Match (listed in `omit`), which a body cannot override.
   */
  body?: { schema: z.ZodType; omit?: readonly string[] };
  /** A text body instead of JSON (a driver's configuration file), in one of these media types. */
  textBody?: { mediaTypes: readonly string[]; description: string };
  /** Updates and deletes name the version they change: If-Match is required (428 without, 412 if stale). */
  ifMatch?: boolean;
  response: {
    status: 200 | 201 | 204;
    description: string;
    /** The body's schema (none for 204). */
    schema?: z.ZodType;
    /** The answer carries the record's version as ETag. */
    etag?: boolean;
    /** A 201 names the new record's URL in Location. */
    location?: boolean;
  };
  /** Problem statuses besides 401 and 429; by default derived from params, query, body and ifMatch. */
  problems?: readonly ProblemStatus[];
  /** Readable without a token (the document itself). */
  public?: boolean;
}
