// The one rule for "is the build current": `.next/BUILD_ID` exists and no source is newer. `npm start` and
// `npm run bench:http` build through it when it is not.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "prisma/schema.prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "types",
];
// Not the app's sources: generated code (the Prisma client, made from the schema) and the bench's own helpers.
const ignored = (target) => path.basename(target) === "generated" || target === path.join("lib", "bench");

function newestMtime(target) {
  if (!existsSync(target) || ignored(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

/** Builds with `next build` when the build is missing or older than the sources; false when the build failed. */
export function ensureBuild(message = "Switchboard: building the console (first start or changed sources)…") {
  const buildId = ".next/BUILD_ID";
  if (existsSync(buildId) && Math.max(...SOURCES.map(newestMtime)) <= statSync(buildId).mtimeMs) return true;
  console.log(message);
  return spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status === 0;
}
