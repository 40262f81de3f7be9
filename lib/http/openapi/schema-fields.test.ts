import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { schemaFields } from "./schema-fields";

type Json = Record<string, unknown>;
const document = buildOpenApiDocument();
function bodyOf(path: string, method: string): Json {
  const operation = (document.paths[path]?.[method] ?? {}) as Json;
  const content = (operation.requestBody as Json).content as Record<string, { schema: Json }>;
  return content["application/json"]?.schema ?? {};
}

describe("schemaFields", () => {
  it("lists a messaging service's fields with nested credential entries and their secret's variants", () => {
    const fields = schemaFields(bodyOf("/messaging-services", "post"));
    expect(fields.map((field) => field.name)).toEqual([
      "name",
      "type",
      "serviceConnection",
      "credentials",
      "credentials[].id",
      "credentials[].authId",
      "credentials[].secret",
      "credentials[].secret.action",
      "credentials[].secret.value",
    ]);
    expect(fields.find((field) => field.name === "name")).toMatchObject({
      type: "string",
      required: true,
      constraints: ["not empty", "at most 100 characters"],
    });
    expect(fields.find((field) => field.name === "credentials[].secret.action")).toMatchObject({
      type: "string",
      required: true,
      constraints: ['one of "keep", "replace"'],
    });
    expect(fields.find((field) => field.name === "credentials[].secret.value")?.required).toBe(false);
    expect(fields.find((field) => field.name === "credentials")).toMatchObject({
      type: "list of object",
      constraints: ["at most 200 items"],
    });
  });

  it("says nullable, formats and unions of constants in words", () => {
    const fields = schemaFields(bodyOf("/roles", "post"));
    expect(fields.find((field) => field.name === "rights[].objectId")).toMatchObject({
      type: "string (uuid) or null",
      required: true,
    });
    const user = schemaFields(bodyOf("/users", "post"));
    expect(user.find((field) => field.name === "email")).toMatchObject({ type: "string or string (email)" });
  });
});
