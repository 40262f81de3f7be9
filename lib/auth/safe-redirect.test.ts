import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./safe-redirect";

const ORIGIN = "http://console.example:3000";

/** Where a browser on the console would end up after `location.assign(path)`. */
const landsOn = (path: string) => new URL(path, `${ORIGIN}/login`).origin;

describe("sameOriginPath", () => {
  it.each([
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "/\\/evil.example/x",
    "//evil.example/x",
    "///evil.example/x",
    "/.//evil.example/x",
    "/./\\evil.example",
    "\\\\evil.example/x",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "http://evil.example/x",
    "https://evil.example",
    "HTTP://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "evil.example/x",
    " /x",
    "?next=1",
    `${ORIGIN}.evil.example/x`,
    `${ORIGIN}@evil.example/x`,
    "http://console.example:3001/x",
    "",
  ])("sends %j home", (target) => {
    expect(sameOriginPath(target, ORIGIN)).toBe("/");
  });

  it("sends non-strings home", () => {
    expect(sameOriginPath(undefined, ORIGIN)).toBe("/");
    expect(sameOriginPath(["/users"], ORIGIN)).toBe("/");
  });

  it.each([
    ["/users", "/users"],
    ["/users/42?tab=rights#top", "/users/42?tab=rights#top"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/a/../roles", "/roles"],
    [`${ORIGIN}/audit?page=2`, "/audit?page=2"],
    [ORIGIN, "/"],
  ])("keeps the same-origin %j as %j", (target, path) => {
    expect(sameOriginPath(target, ORIGIN)).toBe(path);
  });

  it("never leads a browser off the origin, whatever the input", () => {
    const pieces = fc.constantFrom(
      "/",
      "\\",
      ".",
      "..",
      "@",
      ":",
      "%",
      "%09",
      "%5C",
      "%2F",
      "\t",
      "\n",
      "evil.example",
      "http:",
      "?",
      "#",
      " ",
    );
    const crafted = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(crafted, fc.string(), fc.webUrl()), (target) => {
        const path = sameOriginPath(target, ORIGIN);
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(landsOn(path)).toBe(ORIGIN);
      }),
      { numRuns: 2000 },
    );
  });
});
