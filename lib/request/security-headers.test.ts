import { describe, expect, it } from "vitest";
import { applySecurityHeaders, newNonce, pageCsp } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("pageCsp", () => {
  it("allows scripts only from this origin or with the nonce, and forbids framing, plugins, other bases and form targets", () => {
    const csp = directives(pageCsp("abc123"));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(pageCsp("abc123")).not.toContain("unsafe-eval");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("allows eval only on the development server", () => {
    expect(directives(pageCsp("n", true)).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is fresh each time and long enough not to be guessed", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("applySecurityHeaders", () => {
  it("sets the policy and the static headers", () => {
    const headers = new Headers();
    applySecurityHeaders(headers, pageCsp("n0nce"));
    expect(headers.get("content-security-policy")).toBe(pageCsp("n0nce"));
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("same-origin");
    expect(headers.get("permissions-policy")).toContain("camera=()");
  });
});
