// Two servers of the built console on one PostgreSQL database, with no sticky routing: one client's
// requests go to either server, as a round-robin load balancer would send them. Whatever must hold across
// server processes (sessions and their end, sign-in and inbound failure counts, Sinch nonces) has to live
// in the database. The servers run the `next build` output that the e2e web server built already.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { displayPrefixOf, newTokenText, tokenHashOf } from "../lib/api-tokens/token-text";
import { formatBasicAuth } from "../lib/messaging/basic-auth";
import { signSinchPayload } from "../lib/messaging/sinch-signature";
import { TEST_DATABASE_PREFIX } from "../lib/testing/constants";
import { postgresAdminUrl, quoteDatabaseName, urlForDatabase, withClient } from "../lib/testing/postgres";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const ADMIN_PASSWORD = "two instances admin passphrase";
const USER_PASSWORD = "two instances user passphrase";

interface Server {
  url: string;
  process: ChildProcess;
  output: string[];
  dataDir: string;
}

const database = `${TEST_DATABASE_PREFIX}instances_${randomBytes(4).toString("hex")}`;
const databaseUrl = urlForDatabase(postgresAdminUrl(), database);
const servers: Server[] = [];
let adminToken = "";

/** One server process, with its own data directory: the two share the database and the keys, not a disk. */
function startServer(port: number, shared: Record<string, string>): Server {
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchboard-instance-"));
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      ...shared,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: url,
      SWITCHBOARD_DATA_DIR: dataDir,
      SWITCHBOARD_SECRET_KEY_PREVIOUS: "",
      SWITCHBOARD_TRUST_PROXY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  return { url, process: child, output, dataDir };
}

async function whenReady(server: Server, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) break;
    const answered = await fetch(`${server.url}/login`).then(
      (response) => response.status,
      () => 0,
    );
    if (answered === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server at ${server.url} did not start:\n${server.output.join("")}`);
}

async function stopServer(server: Server): Promise<void> {
  if (server.process.exitCode === null) {
    const exited = new Promise((resolve) => server.process.once("exit", resolve));
    server.process.kill("SIGTERM");
    await exited;
  }
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** A browser's cookies, kept by name: what one client sends to whichever server it reaches. */
class Client {
  private readonly cookies = new Map<string, string>();

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value.join("=") === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
    return response;
  }

  private async form(url: string, fields: Record<string, string>): Promise<Response> {
    const csrf = (await (await this.request(`${new URL(url).origin}/api/auth/csrf`)).json()) as { csrfToken: string };
    return this.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, json: "true" }).toString(),
    });
  }

  /** Signs in through next-auth's endpoints on that server; true when a session cookie came back. */
  async signIn(server: Server, logonName: string, password: string): Promise<boolean> {
    const response = await this.form(`${server.url}/api/auth/callback/credentials`, { logonName, password });
    await response.body?.cancel();
    return response.status === 200 && !!this.cookie("next-auth.session-token");
  }

  async signOut(server: Server): Promise<void> {
    const response = await this.form(`${server.url}/api/auth/signout`, {});
    expect(response.status).toBe(200);
    await response.body?.cancel();
  }
}

/** Whether the session cookie opens a page on that server: the page, or the way to the sign-in page. */
async function sessionWorks(server: Server, sessionCookie: string): Promise<boolean> {
  const response = await fetch(`${server.url}/change-password`, {
    headers: { cookie: `next-auth.session-token=${sessionCookie}` },
    redirect: "manual",
  });
  await response.body?.cancel();
  if (response.status === 200) return true;
  expect(response.status).toBe(307);
  expect(response.headers.get("location")).toMatch(/\/login/);
  return false;
}

async function api(server: Server, method: string, route: string, body?: unknown, ifMatch?: string) {
  const response = await fetch(`${server.url}/api/v1/${route}`, {
    method,
    headers: {
      authorization: `Bearer ${adminToken}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(ifMatch ? { "if-match": ifMatch } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> };
}

async function createConsoleUser(server: Server, prefix: string): Promise<{ id: string; logonName: string }> {
  const logonName = `${prefix}-${randomBytes(3).toString("hex")}`;
  const created = await api(server, "POST", "users", {
    kind: "console",
    firstName: "Two",
    lastName: "Instances",
    logonName,
    email: "",
    enabled: true,
    roleIds: [],
    password: USER_PASSWORD,
    confirmPassword: USER_PASSWORD,
  });
  expect(created.status).toBe(201);
  return { id: created.json.id as string, logonName };
}

/** A twilio service and the external user that delivers to it with Basic credentials. */
async function inboundGateway(server: Server) {
  const twilio = await api(server, "POST", "messaging-services", {
    name: `two-instances-twilio-${randomBytes(3).toString("hex")}`,
    type: "twilio",
    serviceConnection: "https://provider.example.com/send",
    credentials: [{ authId: "AC0123456789abcdef", secret: { action: "replace", value: "twilio secret 1" } }],
  });
  expect(twilio.status).toBe(201);
  const serviceId = twilio.json.id as string;
  const logonName = `gateway-${randomBytes(3).toString("hex")}`;
  const incoming = await api(server, "POST", `messaging-services/${serviceId}/incoming-user`, {
    firstName: "Inbound",
    lastName: "Gateway",
    logonName,
    password: USER_PASSWORD,
    confirmPassword: USER_PASSWORD,
  });
  expect(incoming.status).toBe(201);
  const deliver = async (target: Server, password: string) => {
    const response = await fetch(`${target.url}/api/inbound/${serviceId}`, {
      method: "POST",
      headers: { authorization: formatBasicAuth({ logonName, password }), "content-type": "application/json" },
      body: "{}",
    });
    await response.body?.cancel();
    return response.status;
  };
  return { userId: incoming.json.id as string, logonName, deliver };
}

test.describe.configure({ mode: "serial" });

test.describe("two instances on one PostgreSQL database", () => {
  const a = () => servers[0] as Server;
  const b = () => servers[1] as Server;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    expect(existsSync(".next/BUILD_ID"), "the e2e web server builds the console first").toBe(true);
    await withClient(postgresAdminUrl(), (client) => client.query(`CREATE DATABASE ${quoteDatabaseName(database)}`));
    // What every instance must share besides the database: the session key and the secret-sealing key.
    const shared = {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SWITCHBOARD_SECRET_KEY: randomBytes(32).toString("base64"),
      SWITCHBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    };
    // Both start at once on the empty database: they take turns migrating and creating the administrator.
    servers.push(startServer(BASE_PORT + 1, shared), startServer(BASE_PORT + 2, shared));
    const deadline = Date.now() + 100_000;
    await Promise.all(servers.map((server) => whenReady(server, deadline)));

    // The administrator's first sign-in and password change have their own spec; here they are taken as
    // done, and the administrator holds an API token, so the test can act on a server over HTTP.
    adminToken = newTokenText();
    await withClient(databaseUrl, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `UPDATE "User" SET "mustChangePassword" = false WHERE "logonKey" = 'admin' RETURNING id`,
      );
      await client.query(
        `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES ($1, $2, 'two instances', $3, $4)`,
        [randomUUID(), rows[0]?.id, tokenHashOf(adminToken), displayPrefixOf(adminToken)],
      );
    });
  });

  test.afterAll(async () => {
    await Promise.all(servers.splice(0).map(stopServer));
    await withClient(postgresAdminUrl(), (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteDatabaseName(database)} WITH (FORCE)`),
    );
  });

  test("both started at once: each migration applied once, one administrator", async () => {
    const migrations = readdirSync("prisma/migrations", { withFileTypes: true }).filter((entry) => entry.isDirectory());
    await withClient(databaseUrl, async (client) => {
      const applied = await client.query<{ migration_name: string; n: number }>(
        `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY 1`,
      );
      expect(applied.rows).toEqual(migrations.map((entry) => ({ migration_name: entry.name, n: 1 })).sort());
      const created = await client.query(
        `SELECT 1 FROM "AuditEvent" WHERE action = 'create' AND "objectType" = 'user' AND "actorName" = 'system'`,
      );
      expect(created.rowCount).toBe(1);
    });
  });

  test("a session signed in on one server works on the other; signing out on one ends it on both", async () => {
    const user = await createConsoleUser(a(), "both");
    const browser = new Client();
    expect(await browser.signIn(a(), user.logonName, USER_PASSWORD)).toBe(true);
    const session = browser.cookie("next-auth.session-token") as string;
    expect(await sessionWorks(b(), session)).toBe(true);
    expect(await sessionWorks(a(), session)).toBe(true);

    await browser.signOut(a());
    expect(browser.cookie("next-auth.session-token")).toBeUndefined();
    // The cookie as it was before signing out, replayed: server B refuses it at its next request.
    expect(await sessionWorks(b(), session)).toBe(false);
    expect(await sessionWorks(a(), session)).toBe(false);
  });

  test("disabling a user on one server ends their session on the other", async () => {
    const user = await createConsoleUser(b(), "disable");
    const browser = new Client();
    expect(await browser.signIn(b(), user.logonName, USER_PASSWORD)).toBe(true);
    const session = browser.cookie("next-auth.session-token") as string;
    expect(await sessionWorks(b(), session)).toBe(true);

    const current = await api(a(), "GET", `users/${user.id}`);
    const { firstName, lastName, logonName, email, version } = current.json;
    const body = { firstName, lastName, logonName, email: email ?? "", enabled: false, roleIds: [] };
    expect((await api(a(), "PUT", `users/${user.id}`, body, `"${version}"`)).status).toBe(200);
    expect(await sessionWorks(b(), session)).toBe(false);
    expect(await browser.signIn(b(), user.logonName, USER_PASSWORD)).toBe(false);
  });

  test("a role change on one server ends the session on the other", async () => {
    const user = await createConsoleUser(a(), "role");
    const browser = new Client();
    expect(await browser.signIn(b(), user.logonName, USER_PASSWORD)).toBe(true);
    const session = browser.cookie("next-auth.session-token") as string;
    expect(await sessionWorks(a(), session)).toBe(true);

    const roles = (await api(a(), "GET", "roles")).json.rows as { id: string; builtIn: string | null }[];
    const auditor = roles.find((role) => role.builtIn === "auditor");
    const { firstName, lastName, logonName, version } = (await api(a(), "GET", `users/${user.id}`)).json;
    const body = { firstName, lastName, logonName, email: "", enabled: true, roleIds: [auditor?.id] };
    expect((await api(a(), "PUT", `users/${user.id}`, body, `"${version}"`)).status).toBe(200);
    expect(await sessionWorks(b(), session)).toBe(false);
  });

  test("a password reset on one server ends the session on the other", async () => {
    const user = await createConsoleUser(a(), "reset");
    const browser = new Client();
    expect(await browser.signIn(b(), user.logonName, USER_PASSWORD)).toBe(true);
    const session = browser.cookie("next-auth.session-token") as string;
    const { version } = (await api(a(), "GET", `users/${user.id}`)).json;
    const password = "a new password from the administrator";
    const reset = await api(
      a(),
      "PUT",
      `users/${user.id}/password`,
      { password, confirmPassword: password },
      `"${version}"`,
    );
    expect(reset.status).toBe(200);
    expect(await sessionWorks(b(), session)).toBe(false);
  });

  test("wrong passwords counted on both servers lock the logon name on both", async () => {
    test.setTimeout(90_000);
    const user = await createConsoleUser(a(), "lock");
    const browser = new Client();
    // Ten failures lock the name (lib/auth/throttle.ts); five on each server would lock neither if each counted alone.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(await browser.signIn(attempt % 2 ? b() : a(), user.logonName, "not the password")).toBe(false);
    }
    expect(await browser.signIn(a(), user.logonName, USER_PASSWORD)).toBe(false);
    expect(await browser.signIn(b(), user.logonName, USER_PASSWORD)).toBe(false);
  });

  test("inbound: disabling the external user or resetting its password on one server stops it on the other", async () => {
    const gateway = await inboundGateway(a());
    // Twice on B: a server that remembered a recent verification would now answer from memory.
    expect(await gateway.deliver(b(), USER_PASSWORD)).toBe(202);
    expect(await gateway.deliver(b(), USER_PASSWORD)).toBe(202);
    const { firstName, lastName, logonName, version } = (await api(a(), "GET", `users/${gateway.userId}`)).json;
    const body = { firstName, lastName, logonName, email: "", enabled: false, roleIds: [] };
    expect((await api(a(), "PUT", `users/${gateway.userId}`, body, `"${version}"`)).status).toBe(200);
    expect(await gateway.deliver(b(), USER_PASSWORD)).toBe(401);

    const other = await inboundGateway(b());
    expect(await other.deliver(a(), USER_PASSWORD)).toBe(202);
    expect(await other.deliver(a(), USER_PASSWORD)).toBe(202);
    const current = (await api(b(), "GET", `users/${other.userId}`)).json;
    const password = "a new gateway password from the administrator";
    const reset = await api(
      b(),
      "PUT",
      `users/${other.userId}/password`,
      { password, confirmPassword: password },
      `"${current.version}"`,
    );
    expect(reset.status).toBe(200);
    expect(await other.deliver(a(), USER_PASSWORD)).toBe(401);
  });

  // Passes once the inbound failure counts and the Sinch nonces live in PostgreSQL (issue 10, point 4).
  test("inbound: failures on both servers lock the name; a Sinch nonce accepted by one is refused by the other", async () => {
    test.setTimeout(90_000);
    const { deliver } = await inboundGateway(a());
    expect(await deliver(b(), USER_PASSWORD)).toBe(202);
    // Twenty failures in five minutes lock the name (lib/messaging/inbound.ts): ten on each server here.
    const failures: number[] = [];
    for (let attempt = 0; attempt < 20; attempt += 1) failures.push(await deliver(attempt % 2 ? b() : a(), "wrong"));
    expect(failures).toEqual(Array(20).fill(401));
    expect.soft(await deliver(a(), "wrong"), "the 21st failure, counted across both servers").toBe(429);
    expect.soft(await deliver(b(), USER_PASSWORD), "the right password while the name is locked").toBe(429);

    const secret = `webhook-secret-${randomBytes(8).toString("hex")}`;
    const sinch = await api(a(), "POST", "messaging-services", {
      name: `two-instances-sinch-${randomBytes(3).toString("hex")}`,
      type: "sinchconversation",
      serviceConnection: "https://us.conversation.api.sinch.com/v1/projects/p1/messages:send",
      credentials: [
        { authId: "key-9@app9", secret: { action: "replace", value: "access" } },
        { authId: "webhook", secret: { action: "replace", value: secret } },
      ],
    });
    expect(sinch.status).toBe(201);
    const rawBody = JSON.stringify({ app_id: "app9", message: { contact_message: { text_message: { text: "hi" } } } });
    const signed = signSinchPayload({ rawBody, secret, nonce: randomUUID(), timestamp: Math.floor(Date.now() / 1000) });
    const callback = async (server: Server) => {
      const response = await fetch(`${server.url}/api/inbound/${sinch.json.id}`, {
        method: "POST",
        headers: { ...signed, "content-type": "application/json" },
        body: rawBody,
      });
      await response.body?.cancel();
      return response.status;
    };
    expect(await callback(a())).toBe(202);
    expect.soft(await callback(b()), "the same signed callback replayed to the other server").toBe(401);
    expect(await callback(a())).toBe(401);
  });
});
