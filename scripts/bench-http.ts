// `npm run bench:http`: what users meet, over HTTP. Builds the console when the build is missing or stale,
// seeds a fresh database (embedded PGlite in a temporary directory, and a PostgreSQL database it creates and
// drops when one answers at 127.0.0.1:5432) with bulk SQL, starts the built server on it (scripts/server.mjs,
// as `npm start` does), signs in through next-auth's credential flow, and drives each route with autocannon
// after a warm-up. It prints req/s and p50/p95/p99 per route next to the sign-in page and a static file of the
// same run, the first-load JavaScript of the console routes (gzip), and the server's memory.
// Options: npm run bench:http -- --help (see lib/bench/http-report.ts). Not part of `npm test`.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import {
  BENCH_USAGE,
  type BenchOptions,
  formatFirstLoadLine,
  formatResults,
  formatScale,
  parseBenchArgs,
  percentile,
  type RouteResult,
  scriptSources,
} from "../lib/bench/http-report";
import { ensureBuild } from "./ensure-build.mjs";

const ADMIN_PASSWORD = "bench admin passphrase";
/** Every seeded user's password (one argon2id hash, computed once). */
const USER_PASSWORD = "bench user passphrase";
const BASELINE = "sign-in page (no DB)";
const POSTGRES_SERVER = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Types whose single username/password entry makes a save body easy to build; used for the save route. */
const SIMPLE_TYPES = new Set(["sap365", "twilio", "c4semail", "sinchsms", "wavy"]);
const EXTERNAL_USERS = 50;

function buildOrThrow() {
  if (!ensureBuild("Building the console (missing or older than the sources)…")) throw new Error("next build failed.");
}

// ---------------------------------------------------------------------------------------------------------
// Seed: bulk SQL through the app's own database adapter, after the app's own migrations and first start.

interface SeededService {
  id: string;
  name: string;
  type: string;
  serviceConnection: string;
  credentials: { id: string; authId: string }[];
}

interface Seeded {
  detail: SeededService;
  inbound: { serviceId: string; logonName: string; password: string };
  /** Services of simple types at version 1, each saved once by the save route. */
  saveTargets: SeededService[];
  /** Console users without a second factor who may sign in with USER_PASSWORD. */
  consoleLogons: string[];
  /** One record of each kind whose page the first-load JavaScript report opens. */
  pages: { user: string; role: string; community: string; smsChannel: string };
}

type Sql = { query<T>(text: string, params?: unknown[]): Promise<T[]>; exec(script: string): Promise<void> };

async function insertRows(sql: Sql, table: string, columns: readonly string[], rows: readonly unknown[][]) {
  const chunk = Math.floor(20_000 / columns.length);
  const names = columns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += chunk) {
    const params: unknown[] = [];
    const values = rows
      .slice(i, i + chunk)
      .map((row) => `(${row.map((value) => `$${params.push(value)}`).join(", ")})`)
      .join(",\n");
    await sql.query(`INSERT INTO "${table}" (${names}) VALUES ${values}`, params);
  }
}

function credentialsFor(type: string, n: string, i: number): { authId: string; secret: string }[] {
  const secret = `bench-secret-${n}`;
  switch (type) {
    case "facebook":
      return [
        { authId: `10${n}1`, secret },
        { authId: `10${n}2`, secret },
      ];
    case "social365":
      return [{ authId: `agent${n}@ACC${n}`, secret }];
    case "sinchconversation":
      // Half of them hold the webhook secret (ready), half not (not ready).
      return [
        { authId: `key-${n}@APP${n}`, secret },
        ...(Math.floor(i / 8) % 2 === 0 ? [{ authId: "webhook", secret: `webhook-${n}` }] : []),
      ];
    default:
      return [{ authId: `user${n}`, secret }];
  }
}

async function seed(options: BenchOptions): Promise<Seeded> {
  const started = performance.now();
  const { dbAdapter, closeDb } = await import("../lib/db/index");
  const { prepareDatabase } = await import("../lib/startup");
  const { hashPassword } = await import("../lib/auth/password");
  const { sealCredentialSecret } = await import("../lib/messaging/credential-secret");
  const { MESSAGING_SERVICE_TYPES } = await import("../lib/messaging/service-types");
  const { actorFor } = await import("../lib/testing/factories");
  const { createCommunity } = await import("../lib/communities/service");
  const { ZCreateCommunityRequest } = await import("../lib/communities/schemas");
  const { createSmsChannel } = await import("../lib/sms/service");
  const { ZCreateSmsChannelRequest } = await import("../lib/sms/schemas");
  try {
    await prepareDatabase(() => {});
    const sql = dbAdapter().sql;
    // An installation in use: the administrator has chosen their password already.
    await sql.query(`UPDATE "User" SET "mustChangePassword" = false WHERE "logonKey" = 'admin'`);
    const roles = new Map(
      (await sql.query<{ id: string; builtIn: string }>(`SELECT id, "builtIn" FROM "Role"`)).map((r) => [
        r.builtIn,
        r.id,
      ]),
    );
    const hash = await hashPassword(USER_PASSWORD);
    const now = new Date().toISOString();

    // Users: console users with Operator or Auditor or no role, and external users (integrations).
    const width = String(options.users).length;
    const users: unknown[][] = [];
    const userRoles: unknown[][] = [];
    const externalIds: string[] = [];
    for (let i = 0; i < options.users; i++) {
      const id = randomUUID();
      const external = i < EXTERNAL_USERS;
      const logonName = external
        ? `integration-${String(i).padStart(2, "0")}`
        : `user-${String(i).padStart(width, "0")}`;
      users.push([
        id,
        logonName,
        logonName,
        `First${i}`,
        `Last${(i * 7919) % options.users}`,
        `${logonName}@example.com`,
        hash,
        external ? "external" : "console",
        now,
      ]);
      if (external) externalIds.push(id);
      else if (i % 3 !== 2) userRoles.push([id, roles.get(i % 3 === 0 ? "operator" : "auditor")]);
    }
    await insertRows(
      sql,
      "User",
      ["id", "logonName", "logonKey", "firstName", "lastName", "email", "passwordHash", "kind", "updatedAt"],
      users,
    );
    await insertRows(sql, "UserRole", ["userId", "roleId"], userRoles);

    // Services of every type; those needing incoming authentication half ready (an external user holds Use
    // on them, or the Sinch webhook secret is set) and half not. Every credential's secret sealed as the app does.
    const digits = Math.max(5, String(options.rows).length);
    const services: SeededService[] = [];
    const serviceRows: unknown[][] = [];
    const credentialRows: unknown[][] = [];
    const rightRows: unknown[][] = [];
    for (let i = 0; i < options.rows; i++) {
      const n = String(i).padStart(digits, "0");
      const type = MESSAGING_SERVICE_TYPES[i % MESSAGING_SERVICE_TYPES.length] as string;
      const service: SeededService = {
        id: randomUUID(),
        name: `Service ${n}`,
        type,
        serviceConnection:
          type === "sinchconversation"
            ? `https://eu.conversation.api.sinch.com/v1/projects/p${n}/messages:send`
            : `https://svc${n}.example.com/messages`,
        credentials: [],
      };
      serviceRows.push([service.id, service.name, service.name.toLowerCase(), type, service.serviceConnection, now]);
      credentialsFor(type, n, i).forEach((entry, position) => {
        const id = randomUUID();
        service.credentials.push({ id, authId: entry.authId });
        credentialRows.push([id, service.id, entry.authId, sealCredentialSecret(id, entry.secret), position, now]);
      });
      const byUser = type !== "sinchconversation" && type !== "facebook" && type !== "c4semail";
      if (byUser && Math.floor(i / 8) % 2 === 0) {
        rightRows.push([randomUUID(), externalIds[i % externalIds.length], "messaging_service", "use", service.id]);
      }
      services.push(service);
    }
    await insertRows(
      sql,
      "MessagingService",
      ["id", "name", "nameKey", "type", "serviceConnection", "updatedAt"],
      serviceRows,
    );
    await insertRows(
      sql,
      "MessagingCredential",
      ["id", "serviceId", "authId", "secretSealed", "position", "updatedAt"],
      credentialRows,
    );

    // The inbound caller: an external user with Use on one twilio service.
    const inboundService = services.find((s) => s.type === "twilio") as SeededService;
    const inboundUser = externalIds[0] as string;
    rightRows.push([randomUUID(), inboundUser, "messaging_service", "use", inboundService.id]);
    await insertRows(sql, "UserRight", ["id", "userId", "objectType", "access", "objectId"], rightRows);

    // The audit trail: actions, outcomes and object types mixed, one row every 20 seconds back from now.
    await sql.query(
      `INSERT INTO "AuditEvent" ("id", "at", "actorName", "clientAddress", "action", "objectType", "objectName", "outcome", "changes", "detail")
       SELECT gen_random_uuid()::text,
              now() - g * interval '20 seconds',
              'user-' || lpad((g % $2)::text, $3, '0'),
              '10.0.' || (g % 250) || '.' || (g % 200),
              (ARRAY['create', 'update', 'delete', 'sign_in', 'inbound', 'sign_out'])[1 + g % 6],
              (ARRAY['messaging_service', 'user', 'role', 'sms_channel'])[1 + g % 4],
              'Service ' || lpad((g % $4)::text, $5, '0'),
              (ARRAY['success', 'success', 'success', 'refused', 'failed']::"AuditOutcome"[])[1 + g % 5],
              CASE WHEN g % 6 = 1 THEN jsonb_build_object('serviceConnection',
                jsonb_build_object('from', 'https://a' || g || '.example.com/messages', 'to', 'https://b' || g || '.example.com/messages'))
              END,
              CASE WHEN g % 5 = 3 THEN 'Refused: no right' END
       FROM generate_series(1, $1::int) AS g`,
      [options.auditRows, options.users, width, options.rows, digits],
    );
    // A community and an SMS channel, made as the console makes them (their history pages need the revision).
    const [admin] = await sql.query<{ id: string }>(`SELECT id FROM "User" WHERE "logonKey" = 'admin'`);
    const adminActor = await actorFor((admin as { id: string }).id, "127.0.0.1");
    const community = await createCommunity(adminActor, ZCreateCommunityRequest.parse({ name: "Bench community" }));
    const smsChannel = await createSmsChannel(adminActor, ZCreateSmsChannelRequest.parse({ name: "bench" }));

    // Statistics as a database in use has them (autovacuum would have gathered them).
    await sql.exec("ANALYZE");

    const detail = services.find((s, i) => s.type === "twilio" && i >= options.rows / 2) as SeededService;
    const inboundLogon = `integration-00`;
    const saveTargets = services.filter((s) => SIMPLE_TYPES.has(s.type) && s !== detail && s !== inboundService);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `  seeded ${options.rows.toLocaleString("en")} services (${credentialRows.length.toLocaleString("en")} credentials), ` +
        `${options.users.toLocaleString("en")} users, ${options.auditRows.toLocaleString("en")} audit rows in ${seconds} s`,
    );
    return {
      detail,
      inbound: { serviceId: inboundService.id, logonName: inboundLogon, password: USER_PASSWORD },
      saveTargets,
      consoleLogons: users.filter((row) => row[7] === "console").map((row) => row[1] as string),
      pages: {
        user: users.find((row) => row[7] === "console")?.[0] as string,
        role: roles.get("operator") as string,
        community: community.id,
        smsChannel: smsChannel.id,
      },
    };
  } finally {
    await closeDb();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The server: scripts/server.mjs in production mode, as `npm start` runs it.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface RunningServer {
  child: ChildProcess;
  base: string;
  log: string[];
}

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<RunningServer> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production", NEXTAUTH_URL: base },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout?.on("data", (chunk) => log.push(String(chunk)));
  child.stderr?.on("data", (chunk) => log.push(String(chunk)));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${base}/login`)).ok) return { child, base, log };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`The server did not answer /login.\n${log.join("")}`);
}

async function stopServer(server: RunningServer) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
}

/** Resident and peak resident memory of the server process (Linux /proc), in MiB. */
function serverMemory(pid: number | undefined): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/**
 * CPU time used so far in ms (Linux; NaN elsewhere): by the whole process, or by its main thread alone (the
 * task whose id is the process's).
 */
function processCpuMs(pid: number | undefined, mainThread = false): number {
  try {
    // utime and stime, fields 14 and 15, in clock ticks (100 a second on Linux); the name in field 2 may hold spaces.
    const file = mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
    const fields = readFileSync(file, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Signing in: next-auth's credential flow, as the sign-in form's signIn("credentials") does it.

function setCookies(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair?.indexOf("=") ?? -1;
    if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

/** A next-auth CSRF token and the cookie that goes with it (double submit: one pair serves many posts). */
async function csrfPair(base: string): Promise<{ jar: Map<string, string>; token: string }> {
  const jar = new Map<string, string>();
  const response = await fetch(`${base}/api/auth/csrf`);
  setCookies(response, jar);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { jar, token: csrfToken };
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** The form's post; with json=true next-auth answers {"url": …}, the callback URL when the sign-in succeeded. */
function signInBody(base: string, token: string, logonName: string, password: string): string {
  return new URLSearchParams({
    logonName,
    password,
    code: "",
    csrfToken: token,
    callbackUrl: `${base}/`,
    json: "true",
  }).toString();
}

const SIGN_IN_HEADERS = { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" };

async function signIn(base: string, logonName: string, password: string): Promise<string> {
  const { jar, token } = await csrfPair(base);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...SIGN_IN_HEADERS, cookie: cookieHeader(jar) },
    body: signInBody(base, token, logonName, password),
  });
  setCookies(response, jar);
  if (!jar.has("next-auth.session-token")) throw new Error(`Signing in as ${logonName} failed (${response.status}).`);
  return cookieHeader(jar);
}

// ---------------------------------------------------------------------------------------------------------
// Driving routes with autocannon.

interface Route {
  name: string;
  path: string;
  method?: "GET" | "POST";
  /** Send the console session cookie. */
  session?: boolean;
  headers?: Record<string, string>;
  /** A new path and body for each request (the save: each request saves another service at its current version). */
  next?: () => { path: string; body: string };
  body?: string;
  /** What a 2xx answer must contain; otherwise it counts as bad. */
  expect?: string;
  /** Connections for this route instead of the run's (1: each request alone, the server's own time). */
  connections?: number;
}

interface Measured extends RouteResult {
  statuses: Map<number, number>;
}

/** What the batches of one route's measurement add up to. */
interface Tally {
  latencies: number[];
  statuses: Map<number, number>;
  non2xx: number;
  bad: number;
}

/**
 * Sends `amount` requests over the connections and waits for every answer. (A time-limited autocannon run
 * drops the requests in flight when the time is up, but the server still works on them: the next route's
 * figures would pay for this one's backlog, and a route slower than the window would show no answer at all.)
 */
function batch(base: string, route: Route, cookie: string, amount: number, connections: number, tally: Tally) {
  const headers: Record<string, string> = { ...(route.headers ?? {}) };
  if (route.session) headers.cookie = cookie;
  return new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: Math.min(connections, amount),
        amount,
        // autocannon notices the end on its sampling tick (every second by default): the batch's time would be
        // rounded up to whole seconds.
        sampleInt: 10,
        timeout: 120,
        requests: [
          {
            method: route.method ?? "GET",
            path: route.path,
            headers,
            body: route.body,
            ...(route.next
              ? { setupRequest: (request) => ({ ...request, ...(route.next as NonNullable<Route["next"]>)() }) }
              : {}),
          },
        ],
        ...(route.expect ? { verifyBody: (body: string) => body.includes(route.expect as string) } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        tally.non2xx += result.non2xx;
        tally.bad += result.mismatches + result.errors + result.timeouts;
        resolve();
      },
    );
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      tally.latencies.push(ms);
      tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    });
  });
}

/**
 * Warms the route up with `warmup` requests per connection, then measures it in batches sized from the rate seen
 * so far until about `seconds` have passed; at least two requests per connection, however slow the route.
 */
async function measure(server: RunningServer, route: Route, cookie: string, options: BenchOptions): Promise<Measured> {
  const { base } = server;
  const { seconds } = options;
  const connections = route.connections ?? options.connections;
  const warm: Tally = { latencies: [], statuses: new Map(), non2xx: 0, bad: 0 };
  const warmStarted = performance.now();
  if (options.warmup > 0) await batch(base, route, cookie, options.warmup * connections, connections, warm);
  let rate = warm.latencies.length / ((performance.now() - warmStarted) / 1000);
  const tally: Tally = { latencies: [], statuses: new Map(), non2xx: 0, bad: 0 };
  const cpuBefore = processCpuMs(server.child.pid);
  const mainBefore = processCpuMs(server.child.pid, true);
  const started = performance.now();
  let elapsed = 0;
  do {
    const amount = Math.max(2 * connections, Math.round((Number.isFinite(rate) ? rate : 0) * (seconds - elapsed)));
    await batch(base, route, cookie, amount, connections, tally);
    elapsed = (performance.now() - started) / 1000;
    rate = tally.latencies.length / elapsed;
  } while (elapsed < seconds * 0.9);
  return {
    name: route.name,
    count: tally.latencies.length,
    rps: rate,
    p50: percentile(tally.latencies, 0.5),
    p95: percentile(tally.latencies, 0.95),
    p99: percentile(tally.latencies, 0.99),
    non2xx: tally.non2xx,
    bad: tally.bad,
    statuses: tally.statuses,
    cpuMs: (processCpuMs(server.child.pid) - cpuBefore) / tally.latencies.length,
    mainCpuMs: (processCpuMs(server.child.pid, true) - mainBefore) / tally.latencies.length,
  };
}

/** One request first, so that a route answering wrongly says so before it is measured. */
async function preflight(base: string, route: Route, cookie: string): Promise<number> {
  const headers = { ...(route.headers ?? {}), ...(route.session ? { cookie } : {}) };
  const started = performance.now();
  const { path, body: sent } = route.next ? route.next() : { path: route.path, body: route.body };
  const response = await fetch(`${base}${path}`, {
    method: route.method ?? "GET",
    headers,
    body: sent,
    redirect: "manual",
  });
  const body = await response.text();
  const ms = performance.now() - started;
  if (!response.ok || (route.expect && !body.includes(route.expect))) {
    const location = response.headers.get("location");
    console.log(
      `  note: ${route.name} answered ${response.status}${location ? ` → ${location}` : ""}` +
        `${route.expect && !body.includes(route.expect) ? ` without "${route.expect}"` : ""} (${ms.toFixed(0)} ms)`,
    );
  }
  return ms;
}

/** The id of a server action, from the build's server reference manifest. */
function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === file && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`No server action ${exportedName} in ${file} in the build.`);
  return found[0];
}

function routesFor(
  seeded: Seeded,
  options: BenchOptions,
  base: string,
  csrf: { jar: Map<string, string>; token: string },
): Route[] {
  const lastPage = Math.ceil(options.rows / 25);
  const deepPage = Math.min(200, lastPage);
  const saveAction = actionId("app/(console)/messaging-services/actions.ts", "updateMessagingServiceAction");
  let next = 0;
  let nextUser = 0;
  const { detail, inbound } = seeded;
  const save: Route = {
    name: "save (server action)",
    path: `/messaging-services/${detail.id}`,
    method: "POST",
    session: true,
    headers: {
      "next-action": saveAction,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: base,
    },
    // Each request saves another service at version 1 from its own page, changing its connection, as the form
    // does (the answer carries the page re-rendered after revalidatePath); a refused save counts as bad.
    next: () => {
      const target = seeded.saveTargets[next++ % seeded.saveTargets.length] as SeededService;
      const body = JSON.stringify([
        {
          id: target.id,
          version: 1,
          name: target.name,
          type: target.type,
          serviceConnection: `${target.serviceConnection}?saved=1`,
          credentials: target.credentials.map((c) => ({ id: c.id, authId: c.authId, secret: { action: "keep" } })),
        },
      ]);
      return { path: `/messaging-services/${target.id}`, body };
    },
    expect: '"ok":true',
  };
  return [
    { name: "static file (/favicon.ico)", path: "/favicon.ico" },
    { name: BASELINE, path: "/login", expect: "Logon name" },
    {
      name: "sign-in (password check)",
      path: "/api/auth/callback/credentials",
      method: "POST",
      headers: { ...SIGN_IN_HEADERS, cookie: cookieHeader(csrf.jar) },
      // Many people signing in, one after another by name (parallel sign-ins of one name would meet the
      // lockout's attempt reservation instead).
      next: () => ({
        path: "/api/auth/callback/credentials",
        body: signInBody(
          base,
          csrf.token,
          seeded.consoleLogons[nextUser++ % seeded.consoleLogons.length] as string,
          USER_PASSWORD,
        ),
      }),
      expect: `{"url":"${base}/"}`,
    },
    { name: "services: first page", path: "/messaging-services", session: true, expect: "Search services by name" },
    {
      name: `services: page ${deepPage}`,
      path: `/messaging-services?page=${deepPage}`,
      session: true,
      expect: "Search services by name",
    },
    { name: "services: search", path: "/messaging-services?q=0999", session: true, expect: "Search services by name" },
    {
      name: "services: type twilio",
      path: "/messaging-services?type=twilio",
      session: true,
      expect: "Search services by name",
    },
    {
      name: "services: not ready",
      path: "/messaging-services?readiness=missing",
      session: true,
      expect: "Search services by name",
    },
    { name: "users list", path: "/users", session: true, expect: "Search users by name" },
    { name: "audit", path: "/audit", session: true, expect: "Filter the audit trail" },
    { name: "service detail", path: `/messaging-services/${detail.id}`, session: true, expect: detail.name },
    save,
    // The same save with nothing queued before it: what one save costs the server, next to the save under load.
    { ...save, name: "save, one at a time", connections: 1 },
    {
      name: "inbound (Basic, Use right)",
      path: `/api/inbound/${inbound.serviceId}`,
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${inbound.logonName}:${inbound.password}`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: '{"from":"+15550100","text":"bench"}',
    },
    // The baseline again, on a server warmed by every route: the ratios take the better of the two.
    { name: `${BASELINE}, again`, path: "/login", expect: "Logon name" },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// First-load JavaScript: the script chunks each console page loads, fetched and gzipped (level 9).

/**
 * Every page under app/(console)/ (but `/`, which sends the administrator on to the first list), with a seeded
 * record where the route names one.
 */
function consoleRoutes(seeded: Seeded): string[] {
  const { detail, inbound, pages } = seeded;
  return [
    "/messaging-services",
    "/messaging-services/new",
    `/messaging-services/${detail.id}`,
    `/messaging-services/incoming-user?service=${inbound.serviceId}`,
    "/users",
    "/users/new",
    `/users/${pages.user}`,
    "/roles",
    "/roles/new",
    `/roles/${pages.role}`,
    "/communities",
    "/communities/new",
    `/communities/${pages.community}`,
    "/sms-channels",
    "/sms-channels/new",
    `/sms-channels/${pages.smsChannel}`,
    `/history/community/${pages.community}`,
    "/audit",
    "/settings",
    "/import-export",
    "/api-tokens",
    "/api-docs",
    "/account/security",
  ];
}

async function firstLoadJavaScript(base: string, cookie: string, seeded: Seeded) {
  const sizes = new Map<string, number>();
  const lines: string[] = [];
  for (const route of consoleRoutes(seeded)) {
    const response = await fetch(`${base}${route}`, { headers: { cookie }, redirect: "manual" });
    if (!response.ok) {
      lines.push(`  ${route.padEnd(58)} answered ${response.status}`);
      continue;
    }
    let total = 0;
    const chunks = scriptSources(await response.text(), `${base}${route}`);
    for (const src of chunks) {
      if (!sizes.has(src)) {
        const file = await fetch(src);
        sizes.set(src, file.ok ? gzipSync(Buffer.from(await file.arrayBuffer()), { level: 9 }).length : 0);
      }
      total += sizes.get(src) ?? 0;
    }
    lines.push(formatFirstLoadLine(route, total, chunks.length));
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------

async function runOn(
  label: string,
  env: Record<string, string>,
  options: BenchOptions,
  jsReport: boolean,
): Promise<Measured[]> {
  console.log(`\n== ${label}, ${options.rows.toLocaleString("en")} services`);
  Object.assign(process.env, env);
  const seeded = await seed(options);
  const server = await startServer({ ...process.env, ...env }, options.port || (await freePort()));
  return await withUndo(
    () => stopServer(server),
    async () => {
      try {
        const cookie = await signIn(server.base, "admin", ADMIN_PASSWORD);
        if (options.jsOnly) {
          console.log("\nFirst-load JavaScript per console route (script chunks fetched from the page, gzip -9):");
          console.log(await firstLoadJavaScript(server.base, cookie, seeded));
          return [];
        }

        const results: Measured[] = [];
        const routes = routesFor(seeded, options, server.base, await csrfPair(server.base)).filter(
          (route) =>
            options.only.length === 0 ||
            route.name.startsWith(BASELINE) ||
            options.only.some((name) => route.name.includes(name)),
        );
        for (const route of routes) {
          const alone = await preflight(server.base, route, cookie);
          const result = await measure(server, route, cookie, options);
          results.push(result);
          console.log(`  ${result.name}: ${result.rps.toFixed(1)} req/s (one request alone: ${alone.toFixed(0)} ms)`);
        }
        const memory = serverMemory(server.child.pid);
        console.log(
          `\n${label}: ${options.rows.toLocaleString("en")} services, ${options.users.toLocaleString("en")} users, ` +
            `${options.auditRows.toLocaleString("en")} audit rows; ${options.connections} connections, ` +
            `about ${options.seconds} s per route (at least ${2 * options.connections} requests) after ` +
            `${options.warmup * options.connections} requests of warm-up\n`,
        );
        console.log(formatResults(results, BASELINE));
        for (const r of results.filter((r) => r.non2xx > 0)) {
          const counts = [...r.statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
          console.log(`  ${r.name}: ${counts.join(", ")}`);
        }
        if (memory) {
          console.log(
            `\nServer memory after the run: RSS ${memory.rss.toFixed(0)} MiB (peak ${memory.peak.toFixed(0)} MiB)`,
          );
        }
        if (jsReport) {
          console.log("\nFirst-load JavaScript per console route (script chunks fetched from the page, gzip -9):");
          console.log(await firstLoadJavaScript(server.base, cookie, seeded));
        }
        return results;
      } catch (error) {
        console.error(server.log.join("").slice(-4000));
        throw error;
      }
    },
  );
}

/** Undone at the end, and on Ctrl-C too: the server, the temporary directories, the PostgreSQL database. */
const undo = new Set<() => unknown>();
process.once("SIGINT", async () => {
  console.log("\nInterrupted: stopping the server and removing the bench's data…");
  for (const step of [...undo].reverse())
    await Promise.resolve()
      .then(step)
      .catch(() => undefined);
  process.exit(130);
});

/** Runs the step now, and on Ctrl-C while `work` runs. */
async function withUndo<T>(step: () => unknown, work: () => Promise<T>): Promise<T> {
  undo.add(step);
  try {
    return await work();
  } finally {
    undo.delete(step);
    await step();
  }
}

async function main() {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2).filter((arg) => arg !== "--"));
  } catch (error) {
    console.error(process.argv.includes("--help") ? BENCH_USAGE : (error as Error).message);
    process.exit(process.argv.includes("--help") ? 0 : 2);
  }
  buildOrThrow();
  console.log(
    `Switchboard HTTP bench on ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim() ?? "unknown"}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${new Date().toISOString()}`,
  );
  // One key for the credentials sealed here and the server that opens them; one session key for the run.
  const shared = {
    SWITCHBOARD_SECRET_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    SWITCHBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SWITCHBOARD_ADMIN_LOGON: "admin",
  };
  let jsReport = true;
  const runSizes = async (
    name: string,
    /** Makes a fresh database, calls `run` with its environment, and removes it. */
    database: (run: (env: Record<string, string>, label: string) => Promise<Measured[]>) => Promise<Measured[]>,
  ) => {
    const runs: Measured[][] = [];
    for (const rows of options.sizes) {
      runs.push(
        await database(async (env, label) => {
          const results = await runOn(label, env, { ...options, rows }, jsReport);
          jsReport = false;
          return results;
        }),
      );
    }
    if (runs.length > 1) {
      console.log(
        `\n${name}: cost against table size (ratios to the sign-in page of each run; p95× lower is better)\n`,
      );
      console.log(formatScale(options.sizes, runs, BASELINE));
    }
  };
  if (options.databases.includes("pglite")) {
    await runSizes("Embedded database", async (run) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "switchboard-bench-"));
      return await withUndo(
        () => rmSync(dir, { recursive: true, force: true }),
        () =>
          run(
            { ...shared, SWITCHBOARD_DATA_DIR: dir, DATABASE_URL: `pglite:${path.join(dir, "pglite")}` },
            "Embedded database (PGlite, temporary directory)",
          ),
      );
    });
  }
  if (options.databases.includes("postgres")) {
    const onServer = async (statement: string) => {
      const client = new pg.Client({ connectionString: POSTGRES_SERVER });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    try {
      await onServer("SELECT 1");
    } catch {
      console.log(`\nPostgreSQL not reachable at ${new URL(POSTGRES_SERVER).host}; skipped.`);
      return;
    }
    await runSizes("PostgreSQL", async (run) => {
      const name = `switchboard_bench_http_${process.pid}`;
      const dir = mkdtempSync(path.join(os.tmpdir(), "switchboard-bench-"));
      await onServer(`CREATE DATABASE ${name}`);
      return await withUndo(
        async () => {
          await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          rmSync(dir, { recursive: true, force: true });
        },
        () => {
          const url = new URL(POSTGRES_SERVER);
          url.pathname = `/${name}`;
          return run(
            { ...shared, SWITCHBOARD_DATA_DIR: dir, DATABASE_URL: url.toString() },
            `PostgreSQL (${url.host}, a database of its own)`,
          );
        },
      );
    });
  }
}

await main();
