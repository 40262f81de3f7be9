// `npm test`: everything, in the order that fails fastest. Stops at the first failing step.
import { spawnSync } from "node:child_process";

const steps = [
  ["lint and types", "npm", ["run", "check"]],
  ["migrations match the schema", "node", ["scripts/new-migration.mjs", "--check"]],
  ["unit and integration (PGlite, PostgreSQL)", "npx", ["vitest", "run"]],
  ["end-to-end (Chromium)", "node", ["scripts/e2e.mjs"]],
];

for (const step of steps) {
  const [name, command, args] = step;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds}s`);
    console.error(`steps: ${steps.indexOf(step)} passed, 1 failed`);
    process.exit(run.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds}s)`);
}
console.log(`steps: ${steps.length} passed, 0 failed`);
