// Pages and components ask their area's capability function (lib/<area>/permissions.ts) what the actor may
// do; they never decide rights themselves, so that a page cannot offer what the service refuses.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const SCANNED = ["app", "components"];

/** The rights primitives only permissions files and services may use. */
const RIGHTS_PRIMITIVES = /(?:from\s+|import\s*\(\s*)["'][^"']*lib\/rights\/(?:can|require)["']/;

function importsRightsPrimitives(source: string): boolean {
  return RIGHTS_PRIMITIVES.test(source);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe("rights in pages and components", () => {
  it("recognises an import of the rights primitives, however it is written", () => {
    expect(importsRightsPrimitives('import { canAll } from "@/lib/rights/can";')).toBe(true);
    expect(importsRightsPrimitives("import { requireRight } from '../../lib/rights/require';")).toBe(true);
    expect(importsRightsPrimitives('const { canOn } = await import("@/lib/rights/can");')).toBe(true);
    expect(importsRightsPrimitives('import { roleCapabilities } from "@/lib/roles/permissions";')).toBe(false);
    expect(importsRightsPrimitives('import { OBJECT_TYPE_LABELS } from "@/lib/rights/catalog";')).toBe(false);
  });

  it("are asked of the area's capability functions, never decided inline", () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offending = files
      .filter((file) => importsRightsPrimitives(readFileSync(file, "utf8")))
      .map((file) => relative(ROOT, file));
    expect(offending, "use lib/<area>/permissions.ts instead of lib/rights/can or lib/rights/require").toEqual([]);
  });
});
