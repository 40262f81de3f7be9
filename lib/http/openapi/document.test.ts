// The OpenAPI document is valid OpenAPI 3.1, and says what scripters rely on: bearer security, If-Match
// on every change, problem+json for failures, and no secret in any answer.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";

const document = buildOpenApiDocument();
type Json = Record<string, unknown>;

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation: operation as Json })),
);

describe("the OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("requires a bearer token for every operation but the document itself", () => {
    expect(document.security).toEqual([{ bearer: [] }]);
    const open = operations.filter(({ operation }) => Array.isArray(operation.security));
    expect(open.map(({ method, path }) => `${method} ${path}`)).toEqual(["get /openapi.json"]);
    for (const { operation } of operations.filter((o) => !open.includes(o))) {
      expect(Object.keys(operation.responses as Json)).toEqual(expect.arrayContaining(["401", "429"]));
    }
  });

  it("has every update and delete require If-Match and declare 412 and 428", () => {
    // A record without a version (an API token: read with no ETag, revoked once and for all) has no If-Match.
    const unversioned = (path: string) => {
      const read = document.paths[path]?.get as Json | undefined;
      return !!read && !JSON.stringify(read.responses).includes("#/components/headers/ETag");
    };
    const all = operations.filter(({ method }) => method === "put" || method === "delete");
    const exempt = all.filter(({ path }) => unversioned(path));
    expect(exempt.map(({ method, path }) => `${method} ${path}`)).toEqual(["delete /api-tokens/{id}"]);
    const changes = all.filter((change) => !exempt.includes(change));
    expect(changes.length).toBeGreaterThan(0);
    for (const { operation } of changes) {
      expect(operation.parameters).toContainEqual({ $ref: "#/components/parameters/IfMatch" });
      expect(Object.keys(operation.responses as Json)).toEqual(expect.arrayContaining(["412", "428"]));
    }
  });

  it("describes a request body without the fields that the path and If-Match supply", () => {
    const put = document.paths["/roles/{id}"]?.put as Json;
    const schema = ((put.requestBody as Json).content as Json)["application/json"] as { schema: Json };
    expect(Object.keys(schema.schema.properties as Json)).toEqual([
      "name",
      "description",
      "rights",
      "requiresSecondFactor",
    ]);
    expect(schema.schema.required).toEqual(["name", "description", "rights"]);
    // In each variant of a union too: a JWT key's community and version come from the path and If-Match.
    const post = document.paths["/communities/{id}/jwt-keys"]?.post as Json;
    const key = JSON.stringify(((post.requestBody as Json).content as Json)["application/json"]);
    expect(key).toContain('"publicKey"');
    expect(key).not.toContain('"communityId"');
    expect(key).not.toContain('"version"');
  });

  it("answers failures as problem+json with field errors", () => {
    const problem = document.components.responses.Problem400 as Json;
    expect(Object.keys(problem.content as Json)).toEqual(["application/problem+json"]);
    expect(Object.keys(document.components.schemas.Problem.properties as Json)).toEqual([
      "type",
      "title",
      "status",
      "detail",
      "errors",
    ]);
  });

  it("never declares a secret in an answer: credentials say only whether theirs is set", () => {
    const names = new Set<string>();
    const collect = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (typeof node === "object" && node !== null) {
        const properties = (node as Json).properties;
        if (properties && typeof properties === "object") for (const name of Object.keys(properties)) names.add(name);
        Object.values(node).forEach(collect);
      }
    };
    for (const { operation } of operations) {
      for (const response of Object.values(operation.responses as Record<string, Json>)) collect(response.content);
    }
    expect(names).toContain("credentials");
    // mustChangePassword is a flag about a password, not one.
    const secretNames = [...names].filter(
      (name) => name !== "mustChangePassword" && /password|sealed|hash|totp|token(?!$)|^secret(?!$)/i.test(name),
    );
    expect(secretNames).toEqual([]);
    const service = JSON.stringify(document.paths["/messaging-services/{id}"]?.get);
    expect(service).toContain('"enum":["set","not set"]');
  });
});
