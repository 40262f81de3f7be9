// The OpenAPI document read back for the console's API page: operations grouped by tag, each with its
// parameters, body fields and answers in words. Reads the document (not the operations list), so the
// page shows exactly what scripts download.
import type { JsonSchema, OpenApiDocument } from "./document";
import { constraintsOf, type SchemaField, schemaFields, typeOf } from "./schema-fields";

export interface ReferenceParameter extends SchemaField {
  in: string;
}

export interface ReferenceResponse {
  status: string;
  description: string;
  /** The media type of the body, when there is one. */
  mediaType?: string;
  fields: SchemaField[];
  headers: string[];
}

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  public: boolean;
  parameters: ReferenceParameter[];
  body: SchemaField[] | null;
  responses: ReferenceResponse[];
}

export interface ReferenceTag {
  name: string;
  operations: ReferenceOperation[];
}

type Json = Record<string, unknown>;

export function apiReference(document: OpenApiDocument): ReferenceTag[] {
  const root = document as unknown as Json;
  const resolve = (node: unknown): Json => {
    let current = node as Json;
    while (typeof current?.$ref === "string") {
      const path = (current.$ref as string).replace(/^#\//, "").split("/");
      current = path.reduce<Json>((at, key) => at[key] as Json, root);
    }
    return current;
  };
  const tags = new Map<string, ReferenceOperation[]>(document.tags.map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const operation = raw as Json;
      const parameters = ((operation.parameters as Json[] | undefined) ?? []).map(resolve).map((parameter) => {
        const schema = (parameter.schema as JsonSchema | undefined) ?? {};
        return {
          name: String(parameter.name),
          in: String(parameter.in),
          type: typeOf(schema),
          required: parameter.required === true,
          constraints: constraintsOf(schema),
          ...(typeof parameter.description === "string" ? { description: parameter.description } : {}),
        };
      });
      const bodySchema = (
        (resolve(operation.requestBody)?.content as Json | undefined)?.["application/json"] as Json | undefined
      )?.schema as JsonSchema | undefined;
      const responses = Object.entries(operation.responses as Json).map(([status, declared]) => {
        const response = resolve(declared);
        const [mediaType, media] =
          Object.entries((response.content as Record<string, Json> | undefined) ?? {})[0] ?? [];
        const schema = resolve(media?.schema);
        return {
          status,
          description: String(response.description ?? ""),
          ...(mediaType ? { mediaType } : {}),
          // Problems all share one shape, explained once at the top of the page.
          fields: mediaType === "application/json" ? schemaFields(schema) : [],
          headers: Object.keys((response.headers as Json | undefined) ?? {}),
        };
      });
      const tag = ((operation.tags as string[] | undefined) ?? ["Other"])[0] ?? "Other";
      tags.set(tag, [
        ...(tags.get(tag) ?? []),
        {
          id: String(operation.operationId),
          method: method.toUpperCase(),
          path,
          summary: String(operation.summary ?? ""),
          ...(typeof operation.description === "string" ? { description: operation.description } : {}),
          public: Array.isArray(operation.security) && operation.security.length === 0,
          parameters,
          body: bodySchema ? schemaFields(bodySchema) : null,
          responses,
        },
      ]);
    }
  }
  return [...tags].map(([name, operations]) => ({ name, operations }));
}
