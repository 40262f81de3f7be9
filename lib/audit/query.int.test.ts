import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { COUNT_WINDOW, PAGE_SIZE, skipFor, textContains } from "../list/params";
import { createMessagingService, updateMessagingService } from "../messaging/service";
import { updateRole } from "../roles/service";
import { appError } from "../testing/app-error";
import { bootstrapAdministrator, makeActor, makeRole, uniqueName } from "../testing/factories";
import { createServiceRequest, updateServiceRequest } from "../testing/messaging-requests";
import { updateRoleRequest } from "../testing/requests";
import { expectSamePages } from "../testing/same-pages";
import { auditActions, listAuditEvents, type TAuditFilter, ZAuditFilter } from "./query";
import { recordAudit } from "./record";

const MINUTE = 60_000;
const T0 = new Date("2026-02-01T12:00:00Z");

let auditor: Actor;
/** Actor names unique to this file's events, so that filters can be checked exactly. */
let alice: string;
let bob: string;

beforeAll(async () => {
  auditor = await makeActor({ roles: ["auditor"] });
  alice = uniqueName("alice");
  bob = uniqueName("bob");
  const events = [
    { actor: alice, action: "create", objectType: "role", outcome: "success", at: 0 },
    { actor: alice, action: "modify", objectType: "role", outcome: "success", at: 1 },
    { actor: alice, action: "delete", objectType: "user", outcome: "refused", at: 2 },
    { actor: bob, action: "modify", objectType: "user", outcome: "success", at: 3 },
    { actor: bob, action: "sign_in", objectType: undefined, outcome: "failed", at: 4 },
  ] as const;
  for (const event of events) {
    await db().auditEvent.create({
      data: {
        actorName: event.actor,
        action: event.action,
        objectType: event.objectType,
        outcome: event.outcome,
        at: new Date(T0.getTime() + event.at * MINUTE),
      },
    });
  }
});

const names = (rows: { actorName: string; action: string }[]) => rows.map((r) => `${r.actorName}:${r.action}`);

describe("listAuditEvents", () => {
  it("needs the view right on the audit trail; the refusal is itself audited", async () => {
    const operator = await makeActor({ roles: ["operator"] });
    const error = await appError(listAuditEvents(operator, ZAuditFilter.parse({})));
    expect(error.code).toBe("forbidden");
    expect(
      await db().auditEvent.count({ where: { actorId: operator.id, objectType: "audit", outcome: "refused" } }),
    ).toBe(1);
    expect((await appError(auditActions(operator))).code).toBe("forbidden");
  });

  it("filters by actor name, in part and in any case, newest first", async () => {
    const page = await listAuditEvents(auditor, ZAuditFilter.parse({ actor: alice.toUpperCase() }));
    expect(names(page.rows)).toEqual([`${alice}:delete`, `${alice}:modify`, `${alice}:create`]);
    expect(page.total).toBe(3);
    const part = await listAuditEvents(auditor, ZAuditFilter.parse({ actor: bob.slice(0, -2) }));
    expect(names(part.rows)).toEqual([`${bob}:sign_in`, `${bob}:modify`]);
  });

  it("filters by action, object type and outcome, alone and together", async () => {
    const within = async (filter: Record<string, string>) =>
      names(
        (await listAuditEvents(auditor, ZAuditFilter.parse({ ...filter, from: T0.toISOString() }))).rows.filter((r) =>
          [alice, bob].includes(r.actorName),
        ),
      );
    expect(await within({ action: "modify" })).toEqual([`${bob}:modify`, `${alice}:modify`]);
    expect(await within({ objectType: "role" })).toEqual([`${alice}:modify`, `${alice}:create`]);
    expect(await within({ outcome: "refused" })).toEqual([`${alice}:delete`]);
    expect(await within({ action: "modify", objectType: "user" })).toEqual([`${bob}:modify`]);
    expect(await within({ actor: alice, objectType: "user", outcome: "success" })).toEqual([]);
  });

  it("filters by time, both ends included", async () => {
    const page = await listAuditEvents(
      auditor,
      ZAuditFilter.parse({
        from: new Date(T0.getTime() + MINUTE).toISOString(),
        to: new Date(T0.getTime() + 3 * MINUTE).toISOString(),
      }),
    );
    expect(names(page.rows)).toEqual([`${bob}:modify`, `${alice}:delete`, `${alice}:modify`]);
  });

  it("pages the trail", async () => {
    const actorName = uniqueName("pager");
    for (let i = 0; i < PAGE_SIZE + 3; i++) {
      await recordAudit(db(), { id: null, logonName: actorName, clientAddress: null }, { action: `step_${i}` });
    }
    const first = await listAuditEvents(auditor, ZAuditFilter.parse({ actor: actorName }));
    const second = await listAuditEvents(auditor, ZAuditFilter.parse({ actor: actorName, page: "2" }));
    expect(first).toMatchObject({ total: PAGE_SIZE + 3, pageCount: 2, page: 1 });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(second.rows).toHaveLength(3);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(PAGE_SIZE + 3);
  });

  it("ignores filter values it cannot read instead of failing", () => {
    expect(ZAuditFilter.parse({ outcome: "maybe", from: "not a date", page: "x", actor: "a".repeat(300) })).toEqual({
      page: 1,
      outcome: undefined,
      from: undefined,
      actor: undefined,
    });
  });
});

describe("the trail in the console's words", () => {
  it("names the object of a refused change instead of its id", async () => {
    const role = await makeRole({ name: uniqueName("Night shift") });
    const operator = await makeActor({ roles: ["operator"] });
    await appError(updateRole(operator, await updateRoleRequest(role.id, { name: "Taken over" })));

    const [row] = (await listAuditEvents(auditor, ZAuditFilter.parse({ actor: operator.logonName }))).rows;
    expect(row).toMatchObject({
      action: "modify",
      outcome: "refused",
      objectType: "role",
      objectId: role.id,
      objectName: role.name,
      detail: "No modify right on this role",
    });
    expect(row?.detail).not.toContain(role.id);
  });

  it("describes credential changes in sentences and rights with the names of their objects", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("wavy", { name: uniqueName("Wavy") }));
    const request = await updateServiceRequest(service.id);
    await updateMessagingService(admin, {
      ...request,
      credentials: request.credentials.map((c) => ({ ...c, secret: { action: "replace", value: "rotated" } })),
    });
    const role = await makeRole({
      rights: [{ objectType: "messaging_service", access: "view", objectId: service.id }],
    });
    await updateRole(admin, await updateRoleRequest(role.id, { rights: [] }));

    const rows = (await listAuditEvents(auditor, ZAuditFilter.parse({ actor: admin.logonName }))).rows;
    const lines = (objectId: string, action: string) =>
      rows.find((r) => r.objectId === objectId && r.action === action)?.changeLines.map((l) => `${l.label}: ${l.text}`);
    expect(lines(service.id, "modify")).toEqual(["Authentication entry wavy-user: secret replaced"]);
    expect(lines(service.id, "create")).toEqual([
      `Name: ${service.name}`,
      "Type: Wavy",
      "Service Connection: https://provider.example.com/send",
      "Authentication entry wavy-user: added",
    ]);
    expect(lines(role.id, "modify")).toEqual([`Rights: removed View on messaging service ${service.name}`]);
  });
});

describe("listAuditEvents with a counting window (the console's pages)", () => {
  it("counts at most COUNT_WINDOW rows past the page's start and says so; exact near the end", async () => {
    const crowd = uniqueName("crowd");
    const size = COUNT_WINDOW + 2 * PAGE_SIZE - 3;
    await db().auditEvent.createMany({
      data: Array.from({ length: size }, (_, i) => ({
        actorName: crowd,
        action: "modify",
        at: new Date(T0.getTime() + i),
      })),
    });
    const filter = (page: number) => ZAuditFilter.parse({ actor: crowd, page: String(page) });
    const first = await listAuditEvents(auditor, filter(1), "window");
    expect([first.rows.length, first.total, first.totalExact]).toEqual([PAGE_SIZE, COUNT_WINDOW, false]);
    // From the third page on, the rest of the list fits the window: the total is exact again.
    const third = await listAuditEvents(auditor, filter(3), "window");
    expect([third.total, third.totalExact, third.pageCount]).toEqual([size, undefined, Math.ceil(size / PAGE_SIZE)]);
    // Past the end: the whole count, so the page can say how many pages there are.
    const past = await listAuditEvents(auditor, filter(500), "window");
    expect([past.rows.length, past.total, past.totalExact]).toEqual([0, size, undefined]);
    // The API counts exactly.
    expect((await listAuditEvents(auditor, filter(1))).total).toBe(size);
  });
});

/** The trail as Prisma's client reads it: the reference the SQL read must match. */
async function prismaAuditPage(_actor: Actor, filter: TAuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.actor ? { actorName: textContains(filter.actor) } : {}),
    ...(filter.objectType ? { objectType: filter.objectType } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.from || filter.to ? { at: { gte: filter.from, lte: filter.to } } : {}),
  };
  const [rows, total] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      include: { revision: { select: { id: true } } },
      skip: skipFor(filter.page),
      take: PAGE_SIZE,
    }),
    db().auditEvent.count({ where }),
  ]);
  return { rows, total };
}

describe("listAuditEvents, read in SQL", () => {
  it("reads the same pages as Prisma's client: every column, the revision, order, filters and total", async () => {
    const tag = uniqueName("same");
    const outcomes = ["success", "refused", "failed"] as const;
    for (let i = 0; i < 32; i++) {
      const event = await db().auditEvent.create({
        data: {
          // Pairs at the same millisecond: the id decides their order.
          at: new Date(T0.getTime() + 10 * MINUTE + Math.floor(i / 2) * 1001),
          actorId: i % 3 ? auditor.id : null,
          actorName: `${tag}-${i % 4}`,
          clientAddress: i % 2 ? `192.0.2.${i}` : null,
          action: ["create", "modify", "delete"][i % 3] as string,
          objectType: i % 5 ? ["role", "user"][i % 2] : null,
          objectId: i % 5 ? `object-${i}` : null,
          objectName: i % 5 ? `Object ${i}` : null,
          outcome: outcomes[i % 3],
          changes: i % 3 === 1 ? { name: { from: `Old ${i}`, to: `New ${i}` } } : undefined,
          detail: i % 3 === 2 ? "No modify right" : null,
          viaToken: i % 4 === 3 ? "deploy token" : null,
        },
      });
      if (i % 3 === 1) {
        await db().revision.create({
          data: {
            objectType: "role",
            objectId: `object-${i}`,
            objectName: `Object ${i}`,
            version: i,
            action: "modify",
            snapshot: { name: `New ${i}` },
            auditEventId: event.id,
            actorName: event.actorName,
          },
        });
      }
    }
    const listed = async (actor: Actor, filter: TAuditFilter) => {
      const page = await listAuditEvents(actor, filter);
      return { ...page, rows: page.rows.map(({ changeLines, ...row }) => row) };
    };
    const from = new Date(T0.getTime() + 10 * MINUTE + 3003).toISOString();
    const to = new Date(T0.getTime() + 10 * MINUTE + 9009).toISOString();
    const requests: Record<string, string>[] = [
      {},
      { actor: tag.toUpperCase(), page: "2" },
      { actor: `${tag}-1`, outcome: "success" },
      { actor: tag, action: "modify", objectType: "role" },
      { actor: tag, from, to },
    ];
    await expectSamePages(
      listed,
      prismaAuditPage,
      [auditor],
      requests.map((raw) => ZAuditFilter.parse(raw)),
    );
  });
});

describe("auditActions", () => {
  it("lists each action in the trail once, in order", async () => {
    const actions = await auditActions(auditor);
    expect(new Set(actions).size).toBe(actions.length);
    // The database's collation orders them; these few compare the same under any collation.
    const known = ["create", "delete", "modify", "sign_in"];
    expect(actions.filter((a) => known.includes(a))).toEqual(known);
  });
});
