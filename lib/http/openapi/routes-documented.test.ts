// Every route handler under app/api/v1 is in the operations list, and every operation has its handler:
// the document cannot forget an endpoint, nor describe one that is gone. The failure names the entry.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "./operations";

const API_ROOT = join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

/** app/api/v1/roles/[id]/route.ts → /roles/{id}, as the operations list writes paths. */
function pathOf(file: string): string {
  const folders = relative(API_ROOT, file).split(sep).slice(0, -1);
  return `/${folders.map((folder) => folder.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
}

describe("the operations list", () => {
  it("documents every /api/v1 route handler, and nothing else", async () => {
    const served: string[] = [];
    for (const file of routeFiles(API_ROOT)) {
      const handlers: Record<string, unknown> = await import(file);
      for (const method of METHODS) {
        if (typeof handlers[method] === "function") served.push(`${method} ${pathOf(file)}`);
      }
    }
    const documented = API_OPERATIONS.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`);
    const missing = served
      .filter((route) => !documented.includes(route))
      .map((route) => `${route}: add its entry to API_OPERATIONS in lib/http/openapi/operations.ts`);
    const gone = documented
      .filter((operation) => !served.includes(operation))
      .map((operation) => `${operation}: documented in lib/http/openapi/operations.ts, but no route.ts exports it`);
    expect([...missing, ...gone]).toEqual([]);
    expect(served.length).toBeGreaterThan(20);
  });

  it("has each method and path once", () => {
    const keys = API_OPERATIONS.map((operation) => `${operation.method} ${operation.path}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
