// Checks an /api/v1 answer against the OpenAPI document: the operation is documented, the status is one
// it declares, and the body matches that status's schema (JSON Schema 2020-12, as OpenAPI 3.1 has it).
// The integration tests call every route through lib/testing/api-requests.ts, which runs this on each.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { buildOpenApiDocument, type JsonSchema } from "../http/openapi/document";

const document = buildOpenApiDocument();
type Json = Record<string, unknown>;

// Strict mode would refuse the keywords OpenAPI allows beside JSON Schema's; formats are checked.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

const compiled = new Map<string, ValidateFunction>();

/** Follows a local $ref (#/components/...) through the document. */
function resolve(node: unknown): Json {
  let current = node as Json;
  while (typeof current?.$ref === "string") {
    const path = (current.$ref as string).replace(/^#\//, "").split("/");
    current = path.reduce<Json>((at, key) => at[key] as Json, document as unknown as Json);
  }
  return current;
}

// Literal segments win over parameters, as in the router: /sms-channels/export is not /sms-channels/{id}.
const parameterCount = (template: string) => template.split("{").length - 1;
const templates = Object.keys(document.paths)
  .sort((a, b) => parameterCount(a) - parameterCount(b))
  .map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));

/** The documented path a concrete one matches: /roles/0b5… → /roles/{id}. */
export function templateOf(path: string): string | undefined {
  const bare = path.split("?")[0] ?? path;
  return templates.find(({ pattern }) => pattern.test(bare))?.template;
}

/** What is wrong with this answer in the light of the document; empty when it matches. */
export function responseMismatches(method: string, path: string, response: Response, body: unknown): string[] {
  const name = `${method.toUpperCase()} ${path}`;
  const template = templateOf(path);
  const operation = template ? (document.paths[template] as Record<string, Json>)[method.toLowerCase()] : undefined;
  if (!template || !operation) return [`${name} is not in the OpenAPI document (lib/http/openapi/operations.ts).`];
  const declared = (operation.responses as Json)[String(response.status)];
  if (!declared) {
    return [`${name} answered ${response.status}, which ${method.toUpperCase()} ${template} does not declare.`];
  }
  const spec = resolve(declared);
  const problems: string[] = [];
  for (const header of Object.keys((spec.headers as Json | undefined) ?? {})) {
    if (["ETag", "Location"].includes(header) && !response.headers.has(header)) {
      problems.push(`${name} answered ${response.status} without the ${header} header its document declares.`);
    }
  }
  const content = spec.content as Record<string, { schema: JsonSchema }> | undefined;
  if (!content) {
    if (body !== null) problems.push(`${name} answered ${response.status} with a body; the document declares none.`);
    return problems;
  }
  const type = response.headers.get("content-type")?.split(";")[0] ?? "";
  const media = content[type];
  if (!media) {
    return [
      ...problems,
      `${name} answered ${response.status} as ${type}; the document declares ${Object.keys(content)}.`,
    ];
  }
  const key = `${method.toLowerCase()} ${template} ${response.status} ${type}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(resolve(media.schema));
    compiled.set(key, validate);
  }
  if (!validate(body)) {
    problems.push(
      `${name} answered ${response.status} with a body that does not match ${method.toUpperCase()} ${template}'s schema: ${ajv.errorsText(validate.errors, { separator: "; " })}`,
    );
  }
  return problems;
}
