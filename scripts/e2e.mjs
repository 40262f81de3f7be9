// `npm run test:e2e`: Playwright in Debian's Chromium against the real server on a fresh database.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium is missing at ${chromium}: run "apt-get install -y chromium" (as root) and try again.`);
  process.exit(1);
}
rmSync("data/e2e", { recursive: true, force: true });
rmSync("e2e/.auth", { recursive: true, force: true });
const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
