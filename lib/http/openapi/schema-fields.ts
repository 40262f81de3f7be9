// A JSON Schema in the words the console's API page shows people: one row per field, nested fields as
// a.b and list items as a[].b, each with its type, whether it is required and its constraints.
import type { JsonSchema } from "./document";

export interface SchemaField {
  name: string;
  type: string;
  required: boolean;
  constraints: string[];
  description?: string;
}

const objectOf = (value: unknown): JsonSchema | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonSchema) : undefined;

const variantsOf = (schema: JsonSchema): JsonSchema[] =>
  ((schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined) ?? [];

const isNull = (schema: JsonSchema) => schema.type === "null";

/** The variants of a union that are objects, merged: a property is required only if every variant requires it. */
function mergedObject(variants: JsonSchema[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const variant of variants) {
    for (const [name, property] of Object.entries((variant.properties as Record<string, JsonSchema>) ?? {})) {
      const seen = properties[name];
      properties[name] = seen
        ? { anyOf: [...(seen.anyOf ? (seen.anyOf as JsonSchema[]) : [seen]), property] }
        : property;
    }
  }
  const required = Object.keys(properties).filter((name) =>
    variants.every((variant) => ((variant.required as string[] | undefined) ?? []).includes(name)),
  );
  return { type: "object", properties, required };
}

export function typeOf(schema: JsonSchema): string {
  const variants = variantsOf(schema);
  if (variants.length > 0) {
    const consts = variants.filter((variant) => variant.const !== undefined);
    if (consts.length === variants.length) return typeOf({ type: variants[0]?.type, enum: consts.map((v) => v.const) });
    if (variants.every((variant) => variant.type === "object")) return "object";
    return [...new Set(variants.map(typeOf))].join(" or ");
  }
  if (Array.isArray(schema.type)) return schema.type.join(" or ");
  if (schema.type === "array") return `list of ${typeOf(objectOf(schema.items) ?? {})}`;
  if (schema.type === "object" && !schema.properties && objectOf(schema.additionalProperties)) return "object (map)";
  if (typeof schema.type === "string") return schema.format ? `${schema.type} (${schema.format})` : schema.type;
  return "any";
}

const quote = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));

export function constraintsOf(schema: JsonSchema): string[] {
  const variants = variantsOf(schema);
  const constraints: string[] = [];
  if (variants.length > 0) {
    const consts = variants.filter((variant) => variant.const !== undefined).map((variant) => quote(variant.const));
    if (consts.length > 0) constraints.push(`one of ${consts.join(", ")}`);
    for (const variant of variants.filter((v) => v.const === undefined && !isNull(v))) {
      constraints.push(...constraintsOf(variant));
    }
  }
  if (Array.isArray(schema.enum)) constraints.push(`one of ${schema.enum.map(quote).join(", ")}`);
  if (schema.const !== undefined) constraints.push(`exactly ${quote(schema.const)}`);
  if (schema.minLength === 1) constraints.push("not empty");
  else if (typeof schema.minLength === "number" && schema.minLength > 1) {
    constraints.push(`at least ${schema.minLength} characters`);
  }
  if (typeof schema.maxLength === "number") constraints.push(`at most ${schema.maxLength} characters`);
  if (typeof schema.minimum === "number") constraints.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === "number") constraints.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === "number" && schema.maximum < Number.MAX_SAFE_INTEGER)
    constraints.push(`≤ ${schema.maximum}`);
  if (typeof schema.minItems === "number" && schema.minItems > 0) constraints.push(`at least ${schema.minItems} items`);
  if (typeof schema.maxItems === "number") constraints.push(`at most ${schema.maxItems} items`);
  // A format already says what a uuid or an e-mail address looks like; other patterns are shown.
  if (typeof schema.pattern === "string" && !schema.format) constraints.push(`matches ${schema.pattern}`);
  if (schema.default !== undefined) constraints.push(`default ${quote(schema.default)}`);
  return constraints;
}

/** The fields of an object schema, depth first; a schema that is no object is one unnamed row. */
export function schemaFields(schema: JsonSchema, prefix = ""): SchemaField[] {
  const variants = variantsOf(schema);
  const object = variants.length > 0 && variants.every((v) => v.type === "object") ? mergedObject(variants) : schema;
  const properties = objectOf(object.properties) as Record<string, JsonSchema> | undefined;
  if (!properties) {
    return prefix ? [] : [{ name: "(body)", type: typeOf(schema), required: true, constraints: constraintsOf(schema) }];
  }
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([key, property]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    const row: SchemaField = {
      name,
      type: typeOf(property),
      required: required.has(key),
      constraints: constraintsOf(property),
      ...(typeof property.description === "string" ? { description: property.description } : {}),
    };
    const items = property.type === "array" ? objectOf(property.items) : undefined;
    const nested = items ?? property;
    const nestedVariants = variantsOf(nested).filter((variant) => !isNull(variant));
    const hasChildren =
      objectOf(nested.properties) !== undefined ||
      (nestedVariants.length > 0 && nestedVariants.every((variant) => variant.type === "object"));
    if (!hasChildren) return [row];
    const children = nestedVariants.length > 0 && !nested.properties ? { anyOf: nestedVariants } : nested;
    return [row, ...schemaFields(children, items ? `${name}[]` : name)];
  });
}
