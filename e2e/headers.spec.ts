// Every answer carries the security headers: pages (with a nonce policy), redirects, 404s and the API.
import { type APIResponse, expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { AREA_PAGES } from "./helpers";

const PAGES = [
  "/",
  ...AREA_PAGES,
  "/api-tokens",
  "/api-docs",
  "/account/security",
  "/change-password",
  "/login",
  "/no-such-page",
  "/roles/00000000-0000-4000-8000-000000000000",
];
const API = [
  ["GET", "/api/auth/csrf"],
  ["GET", "/api/auth/session"],
  ["GET", "/api/auth/providers"],
  ["GET", "/api/auth/no-such-endpoint"],
  ["POST", "/api/inbound/no-such-service"],
  ["GET", "/api/inbound/no-such-service"],
  ["GET", "/api/no-such-route"],
  ["GET", "/api/v1/me"],
  ["GET", "/api/v1/openapi.json"],
] as const;

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toMatch(/base-uri '(self|none)'/);
  expect(csp, what).toMatch(/form-action '(self|none)'/);
  expect(csp, what).not.toContain("'unsafe-inline' 'nonce");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  return csp;
}

test("pages, redirects and 404s carry a nonce policy that changes per request", async ({ request }) => {
  for (const path of PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    const csp = expectSecurityHeaders(response, path);
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }
  const first = (await request.get("/users")).headers()["content-security-policy"];
  const second = (await request.get("/users")).headers()["content-security-policy"];
  expect(first).not.toBe(second);
});

test("the pages' inline scripts all carry the response's nonce", async ({ request }) => {
  const response = await request.get("/users");
  const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("signed out: the redirect to sign in and the sign-in page carry the headers", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const redirect = await anonymous.get("/users", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect, "redirect");
  expectSecurityHeaders(await anonymous.get("/login"), "/login");
  await anonymous.dispose();
});

test("API answers and static files carry the headers", async ({ request }) => {
  for (const [method, path] of API) {
    const response = await request.fetch(path, { method, maxRedirects: 0, data: method === "POST" ? "{}" : undefined });
    const csp = expectSecurityHeaders(response, `${method} ${path}`);
    // One policy, and the strictest: the API never answers with anything a browser should run or frame.
    expect(csp, `${method} ${path}`).toBe(
      "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  }
  for (const path of ["/favicon.ico", "/icon.svg"]) expectSecurityHeaders(await request.get(path), path);
});
