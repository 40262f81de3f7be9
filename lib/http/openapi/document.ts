// The OpenAPI 3.1 document of /api/v1, generated from the operations list: zod 4's toJSONSchema turns
// each request schema (as input: what a client may send) and response schema (as output: what the
// views give, strict, so an undeclared field is a mismatch) into JSON Schema 2020-12, OpenAPI 3.1's own.
import { z } from "zod";
import { ZProblem } from "../problem";
import type { ApiOperation, ProblemStatus } from "./operation";
import { API_OPERATIONS } from "./operations";

export type JsonSchema = Record<string, unknown>;

const PROBLEM_DESCRIPTIONS: Record<ProblemStatus | 401 | 429, string> = {
  400: "The request is invalid: `errors` holds each field's messages, as the console's form shows them.",
  401: "No valid bearer token (missing, unknown, expired, revoked, or its owner disabled).",
  403: "The token's owner lacks the right; the refusal is audited as in the console.",
  404: "No such record, or one the token's owner may not see.",
  412: "The record changed since the version If-Match names: read it again.",
  413: "The body is larger than 256 KiB.",
  415: "The body is not declared as application/json.",
  428: "If-Match is missing: send the ETag of the version you change.",
  429: "Too many requests with this token or from this address: wait Retry-After seconds.",
};

function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    // Dates arrive in query strings and leave in bodies as ISO 8601 text.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "date") {
        jsonSchema.type = "string";
        jsonSchema.format = "date-time";
      }
    },
  }) as JsonSchema;
  return json;
}

function withoutProperties(schema: JsonSchema, omit: readonly string[]): JsonSchema {
  if (omit.length === 0) return schema;
  // A discriminated union (a JWT key: HMAC or RSA) omits the fields from each of its variants.
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const variants = schema[keyword];
    if (Array.isArray(variants)) {
      return { ...schema, [keyword]: variants.map((variant: JsonSchema) => withoutProperties(variant, omit)) };
    }
  }
  const properties = { ...(schema.properties as Record<string, JsonSchema> | undefined) };
  for (const key of omit) delete properties[key];
  const required = ((schema.required as string[] | undefined) ?? []).filter((key) => !omit.includes(key));
  const { required: _all, ...rest } = schema;
  return { ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}

function parametersOf(schema: z.ZodObject | undefined, location: "path" | "query") {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, "input");
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties as Record<string, JsonSchema>) ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** The problem statuses an operation declares: 401 and 429 for all but the public, the rest from its shape. */
export function problemStatusesOf(operation: ApiOperation): number[] {
  if (operation.public) return [];
  const derived: ProblemStatus[] = [];
  if (operation.params || operation.query || operation.body || operation.textBody) derived.push(400);
  derived.push(403);
  if (operation.params) derived.push(404);
  if (operation.body || operation.textBody) derived.push(413, 415);
  if (operation.ifMatch) derived.push(412, 428);
  return [...(operation.problems ?? derived), 401, 429].sort((a, b) => a - b);
}

/** operationId from method and path: PUT /roles/{id} → putRolesById. */
export function operationIdOf(operation: ApiOperation): string {
  const words = operation.path
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      const word = (param ? `by-${param[1]}` : segment).replace(/\.json$/, "");
      return word
        .split(/[-_]/)
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join("");
    });
  return `${operation.method}${words.join("")}`;
}

function operationObject(operation: ApiOperation) {
  const { response } = operation;
  const parameters = [
    ...parametersOf(operation.params, "path"),
    ...parametersOf(operation.query, "query"),
    ...(operation.ifMatch ? [{ $ref: "#/components/parameters/IfMatch" }] : []),
  ];
  const headers: Record<string, unknown> = {};
  if (response.etag) headers.ETag = { $ref: "#/components/headers/ETag" };
  if (response.location) headers.Location = { $ref: "#/components/headers/Location" };
  const responses: Record<string, unknown> = {
    [response.status]: {
      description: response.description,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(response.schema
        ? { content: { "application/json": { schema: jsonSchemaOf(response.schema, "output") } } }
        : {}),
    },
  };
  for (const status of problemStatusesOf(operation)) {
    responses[status] = { $ref: `#/components/responses/Problem${status}` };
  }
  return {
    operationId: operationIdOf(operation),
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    ...(operation.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: withoutProperties(jsonSchemaOf(operation.body.schema, "input"), operation.body.omit ?? []),
              },
            },
          },
        }
      : {}),
    ...(operation.textBody
      ? {
          requestBody: {
            required: true,
            description: operation.textBody.description,
            content: Object.fromEntries(
              operation.textBody.mediaTypes.map((type) => [type, { schema: { type: "string" } }]),
            ),
          },
        }
      : {}),
    responses,
  };
}

function problemResponses() {
  const statuses = Object.keys(PROBLEM_DESCRIPTIONS).map(Number) as (keyof typeof PROBLEM_DESCRIPTIONS)[];
  return Object.fromEntries(
    statuses.map((status) => [
      `Problem${status}`,
      {
        description: PROBLEM_DESCRIPTIONS[status],
        ...(status === 401
          ? {
              headers: {
                "WWW-Authenticate": { schema: { type: "string" }, description: 'Bearer realm="switchboard"' },
              },
            }
          : {}),
        ...(status === 429
          ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } } }
          : {}),
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      },
    ]),
  );
}

export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: operationObject(operation) };
  }
  const tags = [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "Switchboard configuration API",
      version: "1",
      description:
        "Everything the console configures, with the same rights, checks and audit. Authenticate with `Authorization: Bearer <token>` (create a token on the console's API tokens page). Reads send the record's version as `ETag`; updates and deletes must send it back in `If-Match`. Errors are `application/problem+json` (RFC 9457).",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    tags,
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token from the console's API tokens page; it acts with its owner's current rights.",
        },
      },
      parameters: {
        IfMatch: {
          name: "If-Match",
          in: "header",
          required: true,
          description: 'The ETag of the version you change, as a read sent it, like W/"3".',
          schema: { type: "string", pattern: '^(W/)?"\\d+"$' },
        },
      },
      headers: {
        ETag: {
          description: 'The record\'s version, like W/"3": send it back in If-Match to change the record.',
          schema: { type: "string" },
        },
        Location: { description: "The new record's URL.", schema: { type: "string" } },
      },
      responses: problemResponses(),
      schemas: { Problem: jsonSchemaOf(ZProblem, "output") },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let built: OpenApiDocument | undefined;

/** The document is the same for the life of the process: build it once. */
export function openApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument();
  return built;
}
