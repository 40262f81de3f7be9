// A CPU profile of the console's server while bench:http drives it. Node refuses --cpu-prof in NODE_OPTIONS,
// so this module, loaded into every Node process of the run with --import, starts the inspector's profiler in
// the server process only (scripts/server.mjs) and writes the profile when the bench stops the server:
//
//   NODE_OPTIONS=--import=./scripts/profile-server.mjs npm run bench:http -- --db pglite --only "page 200"
//
// Open data/profiles/server-<pid>.cpuprofile in Chrome's DevTools (Performance) or any .cpuprofile viewer.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

if (process.argv[1]?.endsWith(path.join("scripts", "server.mjs"))) {
  const session = new Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 200 });
  await post("Profiler.start");
  process.once("SIGTERM", async () => {
    const { profile } = await post("Profiler.stop");
    const dir = path.resolve("data", "profiles");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `server-${process.pid}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`CPU profile written to ${file}`);
    process.exit(0);
  });
}
