// `npm run bench`: list speed at 10,000 users, 10,000 messaging services, 1,000 roles, communities and SMS channels
// and 100,000 audit rows on the embedded database (and on PostgreSQL when one is reachable), as medians and as
// ratios against a single-row lookup measured in the same run.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Db } from "../lib/db/index";

const ROWS = 10_000;
const FEW = 1_000;
const AUDIT_ROWS = 100_000;
const RUNS = 30;

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

async function bench(label: string) {
  const { db, closeDb } = await import("../lib/db/index");
  const { prepareDatabase } = await import("../lib/startup");
  const { loadRights } = await import("../lib/rights/load");
  const { listUsers } = await import("../lib/users/service");
  const { listMessagingServices } = await import("../lib/messaging/service");
  const { listRoles } = await import("../lib/roles/service");
  const { listCommunities } = await import("../lib/communities/service");
  const { listSmsChannels } = await import("../lib/sms/service");
  const { listAuditEvents } = await import("../lib/audit/query");
  const { MESSAGING_SERVICE_TYPES } = await import("../lib/messaging/service-types");
  await prepareDatabase(() => {});
  const admin = await db().user.findFirstOrThrow({ where: { logonKey: "admin" } });
  const actor = {
    id: admin.id,
    logonName: admin.logonName,
    displayName: "bench",
    rights: await loadRights(db(), admin.id),
    clientAddress: null,
    mustChangePassword: false,
    mustEnrolSecondFactor: false,
  };
  const data = Array.from({ length: ROWS }, (_, i) => {
    const n = String(i).padStart(5, "0");
    return {
      logonName: `user-${n}`,
      logonKey: `user-${n}`,
      firstName: `First${n}`,
      lastName: `Last${(i * 7919) % ROWS}`,
      passwordHash: "x",
    };
  });
  for (let i = 0; i < data.length; i += 1000) await db().user.createMany({ data: data.slice(i, i + 1000) });

  const services = Array.from({ length: ROWS }, (_, i) => {
    const n = String(i).padStart(5, "0");
    return {
      name: `Service ${n}`,
      nameKey: `service ${n}`,
      type: MESSAGING_SERVICE_TYPES[i % MESSAGING_SERVICE_TYPES.length] as string,
      serviceConnection: `https://svc${n}.example.com/messages`,
    };
  });
  for (let i = 0; i < services.length; i += 1000)
    await db().messagingService.createMany({ data: services.slice(i, i + 1000) });

  await seedOtherLists(db());

  const base = await median(() => db().user.findUnique({ where: { id: admin.id } }));
  const page = { dir: "asc" as const, page: 1 };
  const cases: [string, () => Promise<unknown>][] = [
    ["first page, default sort", () => listUsers(actor, page)],
    ["last page (401)", () => listUsers(actor, { ...page, page: 401 })],
    [
      "sorted by last name, descending, page 200",
      () => listUsers(actor, { ...page, sort: "lastName", dir: "desc", page: 200 }),
    ],
    ["search 'user-0999' (substring, any case)", () => listUsers(actor, { ...page, q: "USER-0999" })],
    ["services: first page", () => listMessagingServices(actor, page)],
    ["services: type twilio, page 20", () => listMessagingServices(actor, { ...page, type: "twilio", page: 20 })],
    [
      "services: incoming authentication not ready",
      () => listMessagingServices(actor, { ...page, readiness: "missing" }),
    ],
    ["services: search 'service 0999'", () => listMessagingServices(actor, { ...page, q: "SERVICE 0999" })],
    ["roles: first page", () => listRoles(actor, page)],
    ["roles: search 'role 0999'", () => listRoles(actor, { ...page, q: "ROLE 0999" })],
    ["communities: first page", () => listCommunities(actor, page)],
    ["communities: by mode, page 20", () => listCommunities(actor, { ...page, sort: "signedIdentities", page: 20 })],
    ["SMS channels: first page", () => listSmsChannels(actor, page)],
    ["SMS channels: restart pending", () => listSmsChannels(actor, { ...page, restart: "pending" })],
    ["audit: first page (window count)", () => listAuditEvents(actor, { page: 1 }, "window")],
    ["audit: action update, page 20 (window)", () => listAuditEvents(actor, { page: 20, action: "update" }, "window")],
    ["audit: actor search (window)", () => listAuditEvents(actor, { page: 1, actor: "USER-00099" }, "window")],
  ];
  console.log(
    `\n${label}: ${ROWS.toLocaleString("en")} users and messaging services, ${FEW.toLocaleString("en")} roles, communities and SMS channels, ${AUDIT_ROWS.toLocaleString("en")} audit rows; baseline (one row by id) ${base.toFixed(2)} ms`,
  );
  for (const [name, run] of cases) {
    const ms = await median(run);
    console.log(
      `  ${name.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms  ${(ms / base).toFixed(1).padStart(6)}× baseline`,
    );
  }
  await closeDb();
}

/** Roles with three rights each (every user holds one), communities, SMS channels and the audit trail. */
async function seedOtherLists(client: Db) {
  const name = (prefix: string, i: number) => `${prefix} ${String(i).padStart(4, "0")}`;
  const roles = Array.from({ length: FEW }, (_, i) => ({
    name: name("Role", i),
    nameKey: name("role", i),
    description: `Bench role number ${i}`,
  }));
  await client.role.createMany({ data: roles });
  const roleIds = (await client.role.findMany({ where: { builtIn: null }, select: { id: true } })).map((r) => r.id);
  const rights = roleIds.flatMap((roleId) =>
    (["messaging_service", "user", "audit"] as const).map((objectType) => ({
      roleId,
      objectType,
      access: "view" as const,
    })),
  );
  await client.roleRight.createMany({ data: rights });
  const userIds = (
    await client.user.findMany({ where: { logonKey: { startsWith: "user-" } }, select: { id: true } })
  ).map((u) => u.id);
  const members = userIds.map((userId, i) => ({ userId, roleId: roleIds[i % roleIds.length] as string }));
  for (let i = 0; i < members.length; i += 1000) await client.userRole.createMany({ data: members.slice(i, i + 1000) });
  const modes = ["accept", "reject", "require"] as const;
  await client.community.createMany({
    data: Array.from({ length: FEW }, (_, i) => ({
      name: name("Community", i),
      nameKey: name("community", i),
      signedIdentities: modes[i % modes.length],
    })),
  });
  await client.smsChannel.createMany({
    data: Array.from({ length: FEW }, (_, i) => ({
      name: name("smsc", i).replace(" ", "-"),
      nameKey: name("smsc", i).replace(" ", "-"),
      options: { "x-smpp-host": `smsc${i}.example.com`, "x-smpp-tls-mode": i % 2 ? "required" : "off" },
      restartPending: i % 4 === 0,
    })),
  });
  const actions = ["create", "update", "delete", "sign_in"];
  const started = Date.now();
  for (let i = 0; i < AUDIT_ROWS; i += 1000) {
    await client.auditEvent.createMany({
      data: Array.from({ length: 1000 }, (_, j) => {
        const n = i + j;
        return {
          at: new Date(started - n * 20_000),
          actorName: `user-${String(n % ROWS).padStart(5, "0")}`,
          action: actions[n % actions.length] as string,
          objectType: "messaging_service",
          objectName: `Service ${String(n % ROWS).padStart(5, "0")}`,
          changes:
            n % 4 === 1
              ? { serviceConnection: { from: `https://a${n}.example.com`, to: `https://b${n}.example.com` } }
              : undefined,
        };
      }),
    });
  }
}

process.env.SWITCHBOARD_ADMIN_PASSWORD ??= "bench-admin-password";
process.env.DATABASE_URL = "pglite:memory";
await bench("PGlite (in memory)");

const server = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `switchboard_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: server });
try {
  await admin.connect();
} catch {
  console.log(`\nPostgreSQL not reachable at ${new URL(server).host}; skipped.`);
  process.exit(0);
}
await admin.query(`CREATE DATABASE ${name}`);
try {
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  await bench("PostgreSQL");
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
