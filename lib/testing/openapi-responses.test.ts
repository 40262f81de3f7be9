// The response check the integration tests rely on can fail: an undeclared field (a leaked secret), a
// status the operation does not declare, a missing ETag and an undocumented path are all caught.
import { describe, expect, it } from "vitest";
import { responseMismatches, templateOf } from "./openapi-responses";

const ROLE = {
  id: "0b5e1c2a-4d3f-4a6b-9c8d-7e6f5a4b3c2d",
  name: "Night shift",
  description: "",
  builtIn: null,
  version: 1,
  createdAt: "2026-12-07T02:30:44.000Z",
  updatedAt: "2026-12-07T02:30:44.000Z",
  rights: [{ objectType: "role", access: "view", objectId: null }],
};

const json = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, {
    status: status === 204 ? 204 : status,
    headers: { "Content-Type": "application/json", ...headers },
  });

describe("responseMismatches", () => {
  it("accepts an answer that matches its operation's declared schema", () => {
    expect(responseMismatches("GET", `/roles/${ROLE.id}`, json(200, { ETag: 'W/"1"' }), ROLE)).toEqual([]);
  });

  it("refuses a field the schema does not declare, such as a secret", () => {
    const [problem] = responseMismatches("GET", `/roles/${ROLE.id}`, json(200, { ETag: 'W/"1"' }), {
      ...ROLE,
      passwordHash: "x",
    });
    expect(problem).toMatch(/GET \/roles\/\{id\}'s schema: .*must NOT have additional properties/);
  });

  it("refuses a wrong type, a missing ETag, an undeclared status and an undocumented path", () => {
    expect(
      responseMismatches("GET", `/roles/${ROLE.id}`, json(200, { ETag: 'W/"1"' }), { ...ROLE, version: "1" }),
    ).toHaveLength(1);
    expect(responseMismatches("GET", `/roles/${ROLE.id}`, json(200), ROLE)).toEqual([
      `GET /roles/${ROLE.id} answered 200 without the ETag header its document declares.`,
    ]);
    expect(responseMismatches("GET", "/roles", json(409), {})).toEqual([
      "GET /roles answered 409, which GET /roles does not declare.",
    ]);
    expect(responseMismatches("PATCH", "/roles", json(200), {})[0]).toMatch(/not in the OpenAPI document/);
  });

  it("checks problems against the problem+json schema", () => {
    const problem = new Response(null, { status: 404, headers: { "Content-Type": "application/problem+json" } });
    const body = { type: "urn:switchboard:problem:not_found", title: "Not found", status: 404, detail: "x" };
    expect(responseMismatches("GET", `/roles/${ROLE.id}`, problem, body)).toEqual([]);
    expect(responseMismatches("GET", `/roles/${ROLE.id}`, problem, { ...body, detail: 3 })).toHaveLength(1);
  });

  it("matches concrete paths to their templates", () => {
    expect(templateOf("/history/role/abc/diff?from=1")).toBe("/history/{type}/{id}/diff");
    expect(templateOf("/openapi.json")).toBe("/openapi.json");
    expect(templateOf("/nothing")).toBeUndefined();
  });
});
