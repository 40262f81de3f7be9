import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { PAGE_SIZE, ZListParams } from "../list/params";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, uniqueName } from "../testing/factories";
import {
  createServiceRequest,
  newEntries,
  storedCredentials,
  uniqueSecret,
  updateServiceRequest,
} from "../testing/messaging-requests";
import { ZDeleteRequest } from "../users/schemas";
import { openCredentialSecret } from "./credential-secret";
import { ZUpdateMessagingServiceRequest } from "./schemas";
import {
  createMessagingService,
  deleteMessagingService,
  getMessagingService,
  listMessagingServices,
  type ServiceListFilter,
  updateMessagingService,
} from "./service";
import { MESSAGING_SERVICE_TYPES, type MessagingServiceType, needsIncomingAuthentication } from "./service-types";
import { testServiceConnection } from "./test-connection";

const NAME_TAKEN = "A messaging service with this name exists already.";

const auditFor = (objectId: string, action?: string) =>
  db().auditEvent.findMany({ where: { objectId, action }, orderBy: { at: "asc" } });

async function counts() {
  const [services, credentials, auditEvents] = await Promise.all([
    db().messagingService.count(),
    db().messagingCredential.count(),
    db().auditEvent.count(),
  ]);
  return { services, credentials, auditEvents };
}

/** Everything stored about a service, to show that a refused change left it exactly as it was. */
async function stateOf(id: string) {
  const service = await db().messagingService.findUnique({ where: { id } });
  return { service, credentials: await storedCredentials(id) };
}

const list = (actor: Actor, filter: Partial<ServiceListFilter> = {}) =>
  listMessagingServices(actor, { ...ZListParams.parse({}), ...filter });

type Stored = Awaited<ReturnType<typeof storedCredentials>>;

/** What a kept entry must keep: its id, Authentication ID, place and sealed secret, byte for byte. */
const sealedOf = (credentials: Stored) =>
  credentials.map(({ id, authId, position, secretSealed }) => ({ id, authId, position, secretSealed }));
const sealedById = async (serviceId: string) => sealedOf(await storedCredentials(serviceId));

/** A facebook service with two Pages, returning their plaintext secrets by Page ID. */
async function makeFacebook(admin: Actor) {
  const entries = newEntries("facebook");
  const service = await createMessagingService(admin, createServiceRequest("facebook", { entries }));
  const secrets = Object.fromEntries(entries.map((e) => [e.authId, e.secret]));
  return { service, secrets, before: await storedCredentials(service.id) };
}

function expectNoneOf(value: unknown, forbidden: (string | null)[]) {
  const text = JSON.stringify(value);
  for (const needle of forbidden) {
    expect(needle).toBeTruthy();
    expect(text).not.toContain(needle);
  }
}

describe("createMessagingService", () => {
  it.each(MESSAGING_SERVICE_TYPES)("creates a %s service whose secrets are sealed and never shown", async (type) => {
    const admin = await bootstrapAdministrator();
    const entries =
      type === "sinchconversation"
        ? newEntries(type, [{ authId: "webhook", secret: uniqueSecret("hook") }])
        : newEntries(type);
    const request = createServiceRequest(type, { entries });

    const service = await createMessagingService(admin, request);

    expect(service).toMatchObject({
      name: request.name,
      nameKey: request.name.toLowerCase(),
      type,
      serviceConnection: "https://provider.example.com/send",
      version: 1,
    });
    const stored = await storedCredentials(service.id);
    expect(stored.map((c) => [c.authId, c.position])).toEqual(entries.map((e, i) => [e.authId, i]));
    const sealed = stored.map((c) => c.secretSealed);
    for (const [index, credential] of stored.entries()) {
      const plain = entries[index]!.secret;
      expect(credential.secretSealed).toMatch(/^v1:/);
      expect(credential.secretSealed).not.toContain(plain);
      expect(openCredentialSecret(credential.id, credential.secretSealed!)).toBe(plain);
    }
    const secrets = [...entries.map((e) => e.secret), ...sealed];

    const shown = await getMessagingService(admin, service.id);
    expect(shown.credentials.map((c) => ({ id: c.id, authId: c.authId, secretSet: c.secretSet }))).toEqual(
      stored.map((c) => ({ id: c.id, authId: c.authId, secretSet: true })),
    );
    for (const credential of shown.credentials) expect(credential).not.toHaveProperty("secretSealed");
    // Without external users in this file, every type that needs incoming authentication lacks it,
    // except sinchconversation, which has its webhook secret.
    expect(shown.readiness).toBe(
      type === "sinchconversation" ? "ready" : needsIncomingAuthentication(type) ? "missing" : "not_needed",
    );
    expectNoneOf(shown, secrets);
    expectNoneOf(service, secrets);
    const listed = await list(admin, { q: request.name });
    expect(listed.rows.map((r) => r.id)).toEqual([service.id]);
    expectNoneOf(listed, secrets);

    const audit = await auditFor(service.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "create",
      objectType: "messaging_service",
      objectName: request.name,
      actorId: admin.id,
      outcome: "success",
    });
    expect(audit[0]?.changes).toEqual({
      name: { from: null, to: request.name },
      type: { from: null, to: type },
      serviceConnection: { from: null, to: "https://provider.example.com/send" },
      credentials: { from: null, to: Object.fromEntries(entries.map((e) => [e.authId, "added"])) },
    });
    expectNoneOf(audit, secrets);
  });

  it("refuses a name that exists in another case, on the name field, and writes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const existing = await createMessagingService(
      admin,
      createServiceRequest("twilio", { name: uniqueName("Main-SMS") }),
    );
    const before = await counts();

    const error = await appError(
      createMessagingService(admin, createServiceRequest("wavy", { name: existing.name.toUpperCase() })),
    );

    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({ name: [NAME_TAKEN] });
    expect(await counts()).toEqual(before);
  });

  it("gives one of two simultaneous creations of the same name the field error, not a raw database error", async () => {
    const admin = await bootstrapAdministrator();
    const name = uniqueName("twin");
    const results = await Promise.allSettled([
      createMessagingService(admin, createServiceRequest("twilio", { name })),
      createMessagingService(admin, createServiceRequest("twilio", { name: name.toUpperCase() })),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "invalid", fieldErrors: { name: [NAME_TAKEN] } });
    expect(await db().messagingService.count({ where: { nameKey: name.toLowerCase() } })).toBe(1);
  });
});

describe("updateMessagingService", () => {
  it("keeps every secret byte for byte when the form leaves them alone, and audits only what changed", async () => {
    const admin = await bootstrapAdministrator();
    const { service, before } = await makeFacebook(admin);
    const name = uniqueName("renamed");

    const updated = await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, {
        name,
        serviceConnection: "https://graph.facebook.com/v21.0/me/messages",
      }),
    );

    expect(updated).toMatchObject({ name, nameKey: name.toLowerCase(), version: 2 });
    expect(await sealedById(service.id)).toEqual(sealedOf(before));
    const audit = await auditFor(service.id, "modify");
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toEqual({
      name: { from: service.name, to: name },
      serviceConnection: {
        from: "https://provider.example.com/send",
        to: "https://graph.facebook.com/v21.0/me/messages",
      },
    });
  });

  it("accepts its own name in another case", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("twilio", { name: uniqueName("lower") }));

    const updated = await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, { name: service.name.toUpperCase() }),
    );

    expect(updated).toMatchObject({ name: service.name.toUpperCase(), nameKey: service.nameKey, version: 2 });
  });

  it("replaces one secret, leaves the other sealed value untouched, and audits neither value", async () => {
    const admin = await bootstrapAdministrator();
    const { service, secrets, before } = await makeFacebook(admin);
    const [first, second] = before;
    const fresh = uniqueSecret("replacement");

    await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, {
        credentials: [
          { id: first!.id, authId: first!.authId, secret: { action: "replace", value: fresh } },
          { id: second!.id, authId: second!.authId, secret: { action: "keep" } },
        ],
      }),
    );

    const after = await storedCredentials(service.id);
    expect(after.map((c) => c.id)).toEqual([first!.id, second!.id]);
    expect(after[0]!.secretSealed).not.toBe(first!.secretSealed);
    expect(openCredentialSecret(first!.id, after[0]!.secretSealed!)).toBe(fresh);
    expect(after[1]!.secretSealed).toBe(second!.secretSealed);
    const audit = await auditFor(service.id, "modify");
    expect(audit.map((a) => a.changes)).toEqual([
      { credentials: { from: null, to: { [first!.authId]: "secret replaced" } } },
    ]);
    expectNoneOf(audit, [fresh, ...Object.values(secrets), first!.secretSealed, after[0]!.secretSealed]);
  });

  it("refuses to clear a secret: every entry needs one, and nothing is written", async () => {
    const admin = await bootstrapAdministrator();
    const { service } = await makeFacebook(admin);
    const request = await updateServiceRequest(service.id);
    const before = await stateOf(service.id);

    const parsed = ZUpdateMessagingServiceRequest.safeParse({
      ...request,
      credentials: request.credentials.map((c, index) => (index === 1 ? { ...c, secret: { action: "clear" } } : c)),
    });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [
        "credentials.1.secret.action",
        "Keep the secret or enter a new one: every entry needs its secret (remove the entry to drop it).",
      ],
    ]);
    expect(await stateOf(service.id)).toEqual(before);
  });

  it("refuses to keep an entry stored without a secret, until it gets one or goes", async () => {
    const admin = await bootstrapAdministrator();
    const { service, before } = await makeFacebook(admin);
    const [first, second] = before;
    // An entry whose secret was cleared before every entry needed one.
    await db().messagingCredential.update({ where: { id: second!.id }, data: { secretSealed: null } });
    const stored = await stateOf(service.id);
    const auditBefore = await db().auditEvent.count();

    const error = await appError(updateMessagingService(admin, await updateServiceRequest(service.id)));

    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({
      "credentials.1.secret": ["This entry has no secret: enter one, or remove the entry."],
    });
    expect(await stateOf(service.id)).toEqual(stored);
    expect(await db().auditEvent.count()).toBe(auditBefore);

    const fresh = uniqueSecret();
    await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, {
        credentials: [
          { id: first!.id, authId: first!.authId, secret: { action: "keep" } },
          { id: second!.id, authId: second!.authId, secret: { action: "replace", value: fresh } },
        ],
      }),
    );
    const after = await storedCredentials(service.id);
    expect(openCredentialSecret(second!.id, after[1]!.secretSealed!)).toBe(fresh);
  });

  it("adds an entry with its own sealed secret", async () => {
    const admin = await bootstrapAdministrator();
    const { service, before } = await makeFacebook(admin);
    const fresh = uniqueSecret("third-page");
    const request = await updateServiceRequest(service.id);

    await updateMessagingService(admin, {
      ...request,
      credentials: [...request.credentials, { authId: "304729381234569", secret: { action: "replace", value: fresh } }],
    });

    const after = await storedCredentials(service.id);
    expect(after.map((c) => [c.authId, c.position])).toEqual([
      [before[0]!.authId, 0],
      [before[1]!.authId, 1],
      ["304729381234569", 2],
    ]);
    expect(sealedOf(after.slice(0, 2))).toEqual(sealedOf(before));
    expect(openCredentialSecret(after[2]!.id, after[2]!.secretSealed!)).toBe(fresh);
    const audit = await auditFor(service.id, "modify");
    expect(audit.map((a) => a.changes)).toEqual([{ credentials: { from: null, to: { "304729381234569": "added" } } }]);
    expectNoneOf(audit, [fresh, after[2]!.secretSealed]);
  });

  it("removes an entry the form no longer holds", async () => {
    const admin = await bootstrapAdministrator();
    const { service, before } = await makeFacebook(admin);
    const [first, second] = before;

    await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, {
        credentials: [{ id: second!.id, authId: second!.authId, secret: { action: "keep" } }],
      }),
    );

    const after = await storedCredentials(service.id);
    expect(after).toEqual([{ ...second!, position: 0, updatedAt: after[0]!.updatedAt }]);
    expect(await db().messagingCredential.count({ where: { id: first!.id } })).toBe(0);
    const audit = await auditFor(service.id, "modify");
    expect(audit.map((a) => a.changes)).toEqual([{ credentials: { from: null, to: { [first!.authId]: "removed" } } }]);
    expectNoneOf(audit, [first!.secretSealed, second!.secretSealed]);
  });

  it("renames an Authentication ID and keeps its secret; renaming and replacing are both audited", async () => {
    const admin = await bootstrapAdministrator();
    const { service, secrets, before } = await makeFacebook(admin);
    const [first, second] = before;
    const fresh = uniqueSecret("renamed-page");

    await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, {
        credentials: [
          { id: first!.id, authId: "111111111", secret: { action: "keep" } },
          { id: second!.id, authId: "222222222", secret: { action: "replace", value: fresh } },
        ],
      }),
    );

    const after = await storedCredentials(service.id);
    expect(after.map((c) => [c.id, c.authId])).toEqual([
      [first!.id, "111111111"],
      [second!.id, "222222222"],
    ]);
    expect(after[0]!.secretSealed).toBe(first!.secretSealed);
    expect(openCredentialSecret(first!.id, after[0]!.secretSealed!)).toBe(secrets[first!.authId]);
    expect(openCredentialSecret(second!.id, after[1]!.secretSealed!)).toBe(fresh);
    const audit = await auditFor(service.id, "modify");
    expect(audit.map((a) => a.changes)).toEqual([
      {
        credentials: {
          from: null,
          to: {
            "111111111": `renamed from ${first!.authId}`,
            "222222222": `renamed from ${second!.authId}, secret replaced`,
          },
        },
      },
    ]);
    expectNoneOf(audit, [fresh, ...Object.values(secrets), first!.secretSealed, after[1]!.secretSealed]);
  });

  it("lets a renamed entry take the ID that a removed entry gave up", async () => {
    const admin = await bootstrapAdministrator();
    const { service, before } = await makeFacebook(admin);
    const [first, second] = before;

    await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, {
        credentials: [{ id: first!.id, authId: second!.authId, secret: { action: "keep" } }],
      }),
    );

    expect((await storedCredentials(service.id)).map((c) => [c.id, c.authId, c.secretSealed])).toEqual([
      [first!.id, second!.authId, first!.secretSealed],
    ]);
  });

  it("swaps the Authentication IDs of two entries, each keeping its secret", async () => {
    const admin = await bootstrapAdministrator();
    const { service, before } = await makeFacebook(admin);
    const [first, second] = before;

    await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, {
        credentials: [
          { id: first!.id, authId: second!.authId, secret: { action: "keep" } },
          { id: second!.id, authId: first!.authId, secret: { action: "keep" } },
        ],
      }),
    );

    expect((await storedCredentials(service.id)).map((c) => [c.id, c.authId, c.secretSealed])).toEqual([
      [first!.id, second!.authId, first!.secretSealed],
      [second!.id, first!.authId, second!.secretSealed],
    ]);
  });

  it("refuses to change the type, on the type field, and changes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("twilio"));
    const before = await stateOf(service.id);
    const auditBefore = await db().auditEvent.count();

    const error = await appError(
      updateMessagingService(admin, await updateServiceRequest(service.id, { type: "sap365", name: uniqueName("x") })),
    );

    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({ type: ["The type is chosen when the service is added and cannot change."] });
    expect(await stateOf(service.id)).toEqual(before);
    expect(await db().auditEvent.count()).toBe(auditBefore);
  });

  it("refuses another service's name in any case, and changes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const [service, other] = await Promise.all([
      createMessagingService(admin, createServiceRequest("twilio")),
      createMessagingService(admin, createServiceRequest("wavy", { name: uniqueName("Other") })),
    ]);
    const before = await stateOf(service.id);

    const error = await appError(
      updateMessagingService(admin, await updateServiceRequest(service.id, { name: other.name.toLowerCase() })),
    );

    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({ name: [NAME_TAKEN] });
    expect(await stateOf(service.id)).toEqual(before);
  });

  it("refuses a stale version and changes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("twilio"));
    const staleRequest = await updateServiceRequest(service.id, {
      name: uniqueName("late"),
      credentials: [
        { id: (await storedCredentials(service.id))[0]!.id, authId: "late-user", secret: { action: "keep" } },
      ],
    });
    await updateMessagingService(admin, await updateServiceRequest(service.id, { name: uniqueName("first") }));
    const before = await stateOf(service.id);
    const auditBefore = await db().auditEvent.count();

    const error = await appError(updateMessagingService(admin, staleRequest));

    expect(error.code).toBe("stale");
    expect(await stateOf(service.id)).toEqual(before);
    expect(before.service?.version).toBe(2);
    expect(await db().auditEvent.count()).toBe(auditBefore);
  });

  it("refuses an entry id that belongs to another service, and changes neither", async () => {
    const admin = await bootstrapAdministrator();
    const [service, other] = await Promise.all([
      createMessagingService(admin, createServiceRequest("twilio")),
      createMessagingService(admin, createServiceRequest("twilio")),
    ]);
    const [before, otherBefore] = await Promise.all([stateOf(service.id), stateOf(other.id)]);
    const foreign = otherBefore.credentials[0]!;

    const error = await appError(
      updateMessagingService(
        admin,
        await updateServiceRequest(service.id, {
          credentials: [{ id: foreign.id, authId: foreign.authId, secret: { action: "keep" } }],
        }),
      ),
    );

    expect(error.code).toBe("invalid");
    expect(Object.keys(error.fieldErrors)).toEqual(["credentials.0.authId"]);
    expect(await stateOf(service.id)).toEqual(before);
    expect(await stateOf(other.id)).toEqual(otherBefore);
  });

  it("says not_found for a service that does not exist", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("twilio"));
    const request = await updateServiceRequest(service.id);
    await deleteMessagingService(admin, { id: service.id, version: 1 });

    expect((await appError(updateMessagingService(admin, request))).code).toBe("not_found");
  });
});

describe("deleteMessagingService", () => {
  it("deletes the service with its credentials and audits it without secrets", async () => {
    const admin = await bootstrapAdministrator();
    const { service, secrets, before } = await makeFacebook(admin);

    await deleteMessagingService(admin, ZDeleteRequest.parse({ id: service.id, version: 1 }));

    expect(await db().messagingService.findUnique({ where: { id: service.id } })).toBeNull();
    expect(await db().messagingCredential.count({ where: { serviceId: service.id } })).toBe(0);
    expect(await db().messagingCredential.count({ where: { id: { in: before.map((c) => c.id) } } })).toBe(0);
    const audit = await auditFor(service.id, "delete");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ objectName: service.name, actorId: admin.id, outcome: "success" });
    expect(audit[0]?.changes).toEqual({
      name: { from: service.name, to: null },
      type: { from: "facebook", to: null },
      serviceConnection: { from: "https://provider.example.com/send", to: null },
      credentials: { from: before.map((c) => c.authId), to: null },
    });
    expectNoneOf(audit, [...Object.values(secrets), ...before.map((c) => c.secretSealed)]);
  });

  it("refuses a stale version and keeps the service and its credentials", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("twilio"));
    await updateMessagingService(admin, await updateServiceRequest(service.id, { name: uniqueName("moved-on") }));
    const before = await stateOf(service.id);

    const error = await appError(deleteMessagingService(admin, { id: service.id, version: 1 }));

    expect(error.code).toBe("stale");
    expect(await stateOf(service.id)).toEqual(before);
    expect(before.credentials).toHaveLength(1);
    expect(await auditFor(service.id, "delete")).toEqual([]);
  });
});

describe("rights", () => {
  it("lets a view-only actor read but not create, modify or delete, and audits each refusal", async () => {
    const admin = await bootstrapAdministrator();
    const viewer = await actorWithRights([{ objectType: "messaging_service", access: "view" }]);
    const service = await createMessagingService(admin, createServiceRequest("twilio"));
    const before = await stateOf(service.id);
    const servicesBefore = await db().messagingService.count();

    expect((await getMessagingService(viewer, service.id)).id).toBe(service.id);
    expect((await list(viewer, { q: service.name })).rows.map((r) => r.id)).toEqual([service.id]);
    const update = await updateServiceRequest(service.id, { name: uniqueName("nope") });
    expect((await appError(createMessagingService(viewer, createServiceRequest("twilio")))).code).toBe("forbidden");
    expect((await appError(updateMessagingService(viewer, update))).code).toBe("forbidden");
    expect((await appError(deleteMessagingService(viewer, { id: service.id, version: 1 }))).code).toBe("forbidden");

    expect(await stateOf(service.id)).toEqual(before);
    expect(await db().messagingService.count()).toBe(servicesBefore);
    const refusals = await db().auditEvent.findMany({ where: { actorId: viewer.id }, orderBy: { action: "asc" } });
    expect(refusals.map((r) => [r.action, r.objectType, r.objectId, r.outcome])).toEqual([
      ["create", "messaging_service", null, "refused"],
      ["delete", "messaging_service", service.id, "refused"],
      ["modify", "messaging_service", service.id, "refused"],
    ]);
  });

  it("limits an actor whose role names one service to that service", async () => {
    const admin = await bootstrapAdministrator();
    const [mine, theirs] = await Promise.all([
      createMessagingService(admin, createServiceRequest("twilio")),
      createMessagingService(admin, createServiceRequest("twilio")),
    ]);
    const actor = await actorWithRights([
      { objectType: "messaging_service", access: "view", objectId: mine.id },
      { objectType: "messaging_service", access: "modify", objectId: mine.id },
    ]);
    const theirsBefore = await stateOf(theirs.id);

    const listed = await list(actor);
    expect(listed.rows.map((r) => r.id)).toEqual([mine.id]);
    expect(listed.total).toBe(1);
    expect((await list(actor, { q: theirs.name })).rows).toEqual([]);
    expect((await getMessagingService(actor, mine.id)).id).toBe(mine.id);
    // A service the actor may not view is not there for them (lib/rights/capability.ts).
    expect((await appError(getMessagingService(actor, theirs.id))).code).toBe("not_found");

    const name = uniqueName("mine");
    expect(await updateMessagingService(actor, await updateServiceRequest(mine.id, { name }))).toMatchObject({
      name,
      version: 2,
    });
    const refused = await appError(
      updateMessagingService(actor, await updateServiceRequest(theirs.id, { name: uniqueName("theirs") })),
    );
    expect(refused.code).toBe("not_found");
    expect(await stateOf(theirs.id)).toEqual(theirsBefore);
    expect((await appError(createMessagingService(actor, createServiceRequest("twilio")))).code).toBe("forbidden");
    const refusals = await db().auditEvent.findMany({ where: { actorId: actor.id, outcome: "refused" } });
    expect(refusals.map((r) => [r.action, r.objectId]).sort()).toEqual(
      [
        ["create", null],
        ["modify", theirs.id],
        ["view", theirs.id],
      ].sort(),
    );
  });

  it("refuses the list to an actor without any view right, and audits it", async () => {
    const actor = await actorWithRights([{ objectType: "messaging_service", access: "use" }]);

    expect((await appError(list(actor))).code).toBe("forbidden");

    const refusals = await db().auditEvent.findMany({ where: { actorId: actor.id } });
    expect(refusals.map((r) => [r.action, r.objectType, r.outcome])).toEqual([
      ["view", "messaging_service", "refused"],
    ]);
  });

  it("refuses the connection test without the modify right, and runs it (refused: a local address) with it", async () => {
    const admin = await bootstrapAdministrator();
    const [service, other] = await Promise.all([
      createMessagingService(admin, createServiceRequest("twilio", { serviceConnection: "https://127.0.0.1:1/" })),
      createMessagingService(admin, createServiceRequest("twilio", { serviceConnection: "https://127.0.0.1:1/" })),
    ]);
    const viewer = await actorWithRights([{ objectType: "messaging_service", access: "view" }]);
    const scoped = await actorWithRights([{ objectType: "messaging_service", access: "modify", objectId: other.id }]);

    expect((await appError(testServiceConnection(viewer, { id: service.id }))).code).toBe("forbidden");
    // The scoped actor may not even view the service: it is not there for them, but the attempt is audited.
    expect((await appError(testServiceConnection(scoped, { id: service.id }))).code).toBe("not_found");
    const refusals = await db().auditEvent.findMany({
      where: { actorId: { in: [viewer.id, scoped.id] }, objectId: service.id },
    });
    expect(refusals.map((r) => [r.action, r.outcome])).toEqual([
      ["modify", "refused"],
      ["modify", "refused"],
    ]);
    expect(await auditFor(service.id, "test_connection")).toEqual([]);

    const report = await testServiceConnection(scoped, { id: other.id });
    expect(report.ok).toBe(false);
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([["dns", false]]);
    const audit = await auditFor(other.id, "test_connection");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: scoped.id, outcome: "failed" });
    expect(audit[0]?.detail).toBe("Not tested: the address may not be reached");
  });
});

describe("listMessagingServices: search, sort and paging", () => {
  it("gives each row every stored column as Prisma reads it, timestamps to the millisecond", async () => {
    const admin = await bootstrapAdministrator();
    const made = await createMessagingService(admin, createServiceRequest("wavy", { name: uniqueName("Columns") }));
    const stored = await db().messagingService.findUniqueOrThrow({ where: { id: made.id } });
    const [row] = (await list(admin, { q: made.name })).rows;
    expect(row).toMatchObject(stored);
    expect([row?.createdAt.getTime(), row?.updatedAt.getTime()]).toEqual([
      stored.createdAt.getTime(),
      stored.updatedAt.getTime(),
    ]);
  });

  it("searches for % and _ as the characters they are, not as wildcards", async () => {
    const admin = await bootstrapAdministrator();
    const tag = uniqueName("Promo");
    const percent = await createMessagingService(admin, createServiceRequest("twilio", { name: `${tag} 100% off` }));
    await createMessagingService(admin, createServiceRequest("twilio", { name: `${tag} 1000 on` }));
    const underscore = await createMessagingService(admin, createServiceRequest("twilio", { name: `${tag} a_b` }));
    await createMessagingService(admin, createServiceRequest("twilio", { name: `${tag} axb` }));

    expect((await list(admin, { q: `${tag} 100%` })).rows.map((r) => r.id)).toEqual([percent.id]);
    expect((await list(admin, { q: "a_b" })).rows.map((r) => r.id)).toEqual([underscore.id]);
  });

  it("pages, sorts and searches case-insensitively in the database", async () => {
    const admin = await bootstrapAdministrator();
    const prefix = uniqueName("Paged");
    const types: MessagingServiceType[] = ["twilio", "facebook", "wavy"];
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        createMessagingService(
          admin,
          createServiceRequest(types[i % 3]!, { name: `${prefix}-${String(i).padStart(2, "0")}` }),
        ),
      ),
    );
    const byName = [...created].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => s.id);
    const q = prefix.toUpperCase();

    const first = await list(admin, { q });
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2, incomingAuthentication: true });
    expect(first.rows.map((r) => r.id)).toEqual(byName.slice(0, PAGE_SIZE));
    const second = await list(admin, { q, page: 2 });
    expect(second).toMatchObject({ total: 30, page: 2, pageCount: 2 });
    expect(second.rows.map((r) => r.id)).toEqual(byName.slice(PAGE_SIZE));
    expect((await list(admin, { q, page: 3 })).rows).toEqual([]);

    const descending = await list(admin, { q, dir: "desc" });
    expect(descending.rows.map((r) => r.id)).toEqual([...byName].reverse().slice(0, PAGE_SIZE));
    // A column the list does not offer falls back to the name.
    expect((await list(admin, { q, sort: "serviceConnection" })).rows.map((r) => r.id)).toEqual(
      byName.slice(0, PAGE_SIZE),
    );

    const byType = [...created]
      .sort((a, b) => (a.type === b.type ? (a.id < b.id ? -1 : 1) : a.type < b.type ? -1 : 1))
      .map((s) => s.id);
    const typed = [
      ...(await list(admin, { q, sort: "type" })).rows,
      ...(await list(admin, { q, sort: "type", page: 2 })).rows,
    ];
    expect(typed.map((r) => r.id)).toEqual(byType);

    const twilio = await list(admin, { q, type: "twilio" });
    expect(twilio.total).toBe(10);
    expect(twilio.rows.map((r) => r.id)).toEqual(created.filter((s) => s.type === "twilio").map((s) => s.id));

    const one = await list(admin, { q: `${prefix.toLowerCase()}-07` });
    expect(one.rows.map((r) => r.name)).toEqual([`${prefix}-07`]);
    expect((await list(admin, { q: `${prefix}-7` })).total).toBe(0);
    expect(first.rows.slice(0, 2)).toMatchObject([
      { type: "twilio", _count: { credentials: 1 } },
      { type: "facebook", _count: { credentials: 2 } },
    ]);
  });
});
