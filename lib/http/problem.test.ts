import { describe, expect, it } from "vitest";
import { etagOf, parseIfMatch } from "./etag";
import { problemOf, problemResponse } from "./problem";

describe("problem responses", () => {
  it("map each failure to its status", () => {
    expect(
      (
        [
          "invalid",
          "unauthenticated",
          "forbidden",
          "not_found",
          "stale",
          "precondition_required",
          "locked",
          "throttled",
          "error",
          "unavailable",
        ] as const
      ).map((code) => problemOf(code, "").status),
    ).toEqual([400, 401, 403, 404, 412, 428, 423, 429, 500, 503]);
  });

  it("carry the field errors the form gets, and leave them out when there are none", () => {
    expect(problemOf("invalid", "Some fields need attention.", { name: ["Enter a name."] })).toEqual({
      type: "urn:switchboard:problem:invalid",
      title: "Some fields need attention",
      status: 400,
      detail: "Some fields need attention.",
      errors: { name: ["Enter a name."] },
    });
    expect(problemOf("forbidden", "No.")).not.toHaveProperty("errors");
  });

  it("are application/problem+json, and a 401 names the Bearer scheme", async () => {
    const response = problemResponse("unauthenticated", "Send a token.");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await response.json()).toMatchObject({ status: 401, detail: "Send a token." });
    expect(problemResponse("forbidden", "No.").headers.get("www-authenticate")).toBeNull();
  });
});

describe("entity tags", () => {
  it("name the version and read back from If-Match, weak or strong", () => {
    expect(etagOf(3)).toBe('W/"3"');
    expect(parseIfMatch(etagOf(3))).toEqual({ kind: "version", version: 3 });
    expect(parseIfMatch('"12"')).toEqual({ kind: "version", version: 12 });
    expect(parseIfMatch(null)).toEqual({ kind: "missing" });
    expect(parseIfMatch(" ")).toEqual({ kind: "missing" });
    expect(parseIfMatch("*")).toEqual({ kind: "unusable" });
    expect(parseIfMatch('"1", "2"')).toEqual({ kind: "unusable" });
    expect(parseIfMatch('"abc"')).toEqual({ kind: "unusable" });
  });
});
