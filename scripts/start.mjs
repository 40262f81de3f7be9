// `npm start`: build when the build is missing or older than the sources, then serve (scripts/server.mjs). The server
// applies pending migrations and creates the first administrator before it answers (instrumentation.ts).
import { spawn } from "node:child_process";
import { ensureBuild } from "./ensure-build.mjs";

const port = process.env.PORT ?? "3000";
if (!ensureBuild()) process.exit(1);

const env = { ...process.env, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
const server = spawn(process.execPath, ["scripts/server.mjs"], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
