import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { apiReference } from "./reference";

describe("apiReference", () => {
  const tags = apiReference(buildOpenApiDocument());
  const find = (id: string) => tags.flatMap((tag) => tag.operations).find((operation) => operation.id === id);

  it("groups every operation of the document by its tag", () => {
    const document = buildOpenApiDocument();
    const count = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
    expect(tags.flatMap((tag) => tag.operations)).toHaveLength(count);
    expect(tags.map((tag) => tag.name)).toEqual(document.tags.map((tag) => tag.name));
  });

  it("reads parameters, body fields and answers of an operation, and none where there are none", () => {
    const put = find("putRolesById");
    expect(put?.parameters.map((parameter) => `${parameter.in} ${parameter.name}`)).toEqual([
      "path id",
      "header If-Match",
    ]);
    expect(put?.body?.map((field) => field.name)).toContain("rights[].objectType");
    expect(put?.responses.map((response) => response.status)).toEqual([
      "200",
      "400",
      "401",
      "403",
      "404",
      "412",
      "413",
      "415",
      "428",
      "429",
    ]);
    expect(put?.responses[0]).toMatchObject({ mediaType: "application/json", headers: ["ETag"] });
    const list = find("getSettings");
    expect(list).toMatchObject({ parameters: [], body: null, public: false });
    expect(find("getOpenapi")).toMatchObject({ public: true });
    expect(find("deleteRolesById")?.responses[0]).toMatchObject({ status: "204", fields: [] });
  });
});
