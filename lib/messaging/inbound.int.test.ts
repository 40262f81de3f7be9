import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { updateRole } from "../roles/service";
import { TEST_PASSWORD } from "../testing/constants";
import { bootstrapAdministrator, makeRole, makeUser, uniqueName } from "../testing/factories";
import { NEW_PASSWORD, updateUserRequest } from "../testing/requests";
import { resetPassword, updateUser } from "../users/service";
import { formatBasicAuth } from "./basic-auth";
import { sealCredentialSecret } from "./credential-secret";
import {
  BASIC_CHALLENGE,
  createInboundReceiver,
  DEFAULT_INBOUND_OPTIONS,
  type InboundRequest,
  MAX_INBOUND_BODY_BYTES,
} from "./inbound";
import { inboundResponse } from "./inbound-http";
import type { MessagingServiceType } from "./service-types";
import { signSinchPayload } from "./sinch-signature";

// Text that must never reach the audit trail: it stands for message content.
const BODY_MARKER = "BODY-MARKER-do-not-audit-7f3a";
const BODY = JSON.stringify({ message: { text: BODY_MARKER } });
const WEBHOOK_SECRET = "webhook-secret-token-never-audited-42";
const ADDRESS = "198.51.100.23";

async function makeService(type: MessagingServiceType, credentials: { authId: string; secret: string | null }[] = []) {
  const name = uniqueName(`inbound-${type}`);
  return db().messagingService.create({
    data: {
      name,
      nameKey: name.toLowerCase(),
      type,
      serviceConnection: "https://provider.example.com/send",
      credentials: {
        create: credentials.map(({ authId, secret }, position) => {
          const id = randomUUID();
          return { id, authId, position, secretSealed: secret === null ? null : sealCredentialSecret(id, secret) };
        }),
      },
    },
  });
}

/** A sinchconversation service with an outgoing entry and a webhook entry with this secret ("none": no webhook entry). */
const makeSinchService = (webhook: string | null | "none" = WEBHOOK_SECRET) =>
  makeService("sinchconversation", [
    { authId: "5b4c7e2a-1f3d-4c8e-9a6b-0d2e4f6a8c1e@01HV7Q3M2N4P5R6S7T8V9W0X1Y", secret: "access-key-secret" },
    ...(webhook === "none" ? [] : [{ authId: "webhook", secret: webhook }]),
  ]);

const makeExternal = (options: { roles?: string[]; enabled?: boolean; password?: string } = {}) =>
  makeUser({ kind: "external", roles: ["integration"], ...options });

const basic = (logonName: string, password = TEST_PASSWORD) =>
  new Headers({ authorization: formatBasicAuth({ logonName, password }) });

async function setLocalHttpAuthentication(value: boolean) {
  await db().setting.upsert({
    where: { key: "useLocalHttpAuthentication" },
    create: { key: "useLocalHttpAuthentication", value },
    update: { value },
  });
}

afterEach(async () => {
  await setLocalHttpAuthentication(true);
});

type Receiver = ReturnType<typeof createInboundReceiver>;

/** Calls the receiver and returns its answer with the one audit row the call wrote. */
async function deliver(
  request: Partial<InboundRequest> & { serviceKey: string },
  receive: Receiver = createInboundReceiver(),
) {
  const before = new Set((await db().auditEvent.findMany({ select: { id: true } })).map((row) => row.id));
  const response = await receive({ headers: new Headers(), rawBody: BODY, clientAddress: ADDRESS, ...request });
  const rows = await db().auditEvent.findMany({ where: { id: { notIn: [...before] } } });
  expect(rows).toHaveLength(1);
  return { ...response, audit: rows[0]! };
}

function sinchHeaders(options: { secret?: string; nonce?: string; timestamp?: number; body?: string } = {}) {
  return new Headers(
    signSinchPayload({
      rawBody: options.body ?? BODY,
      secret: options.secret ?? WEBHOOK_SECRET,
      nonce: options.nonce ?? randomUUID(),
      timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
    }),
  );
}

describe("Basic authentication (twilio and the other types that need it)", () => {
  it("accepts an enabled external user holding Use through the Integration role, and audits it", async () => {
    const service = await makeService("twilio");
    const user = await makeExternal();

    const result = await deliver({ serviceKey: service.id, headers: basic(user.logonName) });

    expect(result.status).toBe(202);
    expect(result.headers).toBeUndefined();
    expect(result.audit).toMatchObject({
      action: "inbound",
      objectType: "messaging_service",
      objectId: service.id,
      objectName: service.name,
      actorId: user.id,
      actorName: user.logonName,
      clientAddress: ADDRESS,
      outcome: "success",
      detail: `202 accepted, ${Buffer.byteLength(BODY)} bytes`,
    });
  });

  it("accepts Use granted on this one service, and finds the service by its name in any case", async () => {
    const service = await makeService("sap365");
    const role = await makeRole({ rights: [{ objectType: "messaging_service", access: "use", objectId: service.id }] });
    const user = await makeExternal({ roles: [role.id] });

    const result = await deliver({ serviceKey: service.name.toUpperCase(), headers: basic(user.logonName) });

    expect(result.status).toBe(202);
    expect(result.audit).toMatchObject({ objectId: service.id, outcome: "success", actorId: user.id });
  });

  it("refuses with 403 an external user whose Use is limited to another service", async () => {
    const [service, other] = await Promise.all([makeService("twilio"), makeService("twilio")]);
    const role = await makeRole({ rights: [{ objectType: "messaging_service", access: "use", objectId: other.id }] });
    const user = await makeExternal({ roles: [role.id] });

    const result = await deliver({ serviceKey: service.id, headers: basic(user.logonName) });

    expect(result.status).toBe(403);
    expect(result.headers).toBeUndefined();
    expect(result.audit).toMatchObject({
      objectId: service.id,
      actorId: user.id,
      outcome: "refused",
      detail: expect.stringMatching(/^403 no Use right on this service/),
    });
    // The same user may deliver to the service the role names.
    expect((await deliver({ serviceKey: other.id, headers: basic(user.logonName) })).status).toBe(202);
  });

  it("refuses with 403 an external user without any Use right", async () => {
    const service = await makeService("wavy");
    const user = await makeExternal({ roles: [] });
    expect((await deliver({ serviceKey: service.id, headers: basic(user.logonName) })).status).toBe(403);
  });

  it("asks for credentials with 401 and a Basic challenge when there are none or they are malformed", async () => {
    const service = await makeService("twilio");

    const none = await deliver({ serviceKey: service.id });
    expect(none).toMatchObject({ status: 401, headers: { "WWW-Authenticate": BASIC_CHALLENGE } });
    expect(none.audit).toMatchObject({
      actorId: null,
      actorName: "anonymous",
      outcome: "refused",
      detail: expect.stringMatching(/^401 no credentials/),
    });

    for (const authorization of ["Bearer abc", "Basic !!!", "Basic bm9jb2xvbg=="]) {
      const malformed = await deliver({ serviceKey: service.id, headers: new Headers({ authorization }) });
      expect(malformed).toMatchObject({ status: 401, headers: { "WWW-Authenticate": BASIC_CHALLENGE } });
      expect(malformed.audit.detail).toMatch(/^401 malformed credentials/);
    }
  });

  it("gives a wrong password and an unknown logon name the same 401", async () => {
    const service = await makeService("twilio");
    const user = await makeExternal();

    const wrong = await deliver({ serviceKey: service.id, headers: basic(user.logonName, "not-the-password") });
    const unknown = await deliver({ serviceKey: service.id, headers: basic(uniqueName("nobody")) });

    expect(wrong.status).toBe(401);
    expect({ status: unknown.status, headers: unknown.headers }).toEqual({
      status: wrong.status,
      headers: wrong.headers,
    });
    expect(wrong.headers).toEqual({ "WWW-Authenticate": BASIC_CHALLENGE });
    expect(wrong.audit).toMatchObject({ actorId: user.id, outcome: "refused", detail: expect.stringMatching(/^401 /) });
    // The name of an unknown caller stays out of the audit: it might be a password typed into the wrong field.
    expect(unknown.audit).toMatchObject({
      actorId: null,
      actorName: "anonymous",
      outcome: "refused",
      detail: expect.stringMatching(/^401 /),
    });
  });

  it("refuses with 401 a console user with the right password, even one whose roles include Use", async () => {
    const service = await makeService("twilio");
    const admin = await makeUser({ kind: "console", roles: ["administrator"] });

    const result = await deliver({ serviceKey: service.id, headers: basic(admin.logonName) });

    expect(result).toMatchObject({ status: 401, headers: { "WWW-Authenticate": BASIC_CHALLENGE } });
    expect(result.audit).toMatchObject({
      outcome: "refused",
      detail: expect.stringMatching(/^401 not an external user/),
    });
  });

  it("refuses with 401 a disabled external user with the right password", async () => {
    const service = await makeService("twilio");
    const user = await makeExternal({ enabled: false });

    const result = await deliver({ serviceKey: service.id, headers: basic(user.logonName) });

    expect(result).toMatchObject({ status: 401, headers: { "WWW-Authenticate": BASIC_CHALLENGE } });
    expect(result.audit.detail).toMatch(/^401 user is disabled/);
  });

  it("locks a logon name with 429 after too many failures, even for the right password, and not other names", async () => {
    const clock = { now: Date.now() };
    const receive = createInboundReceiver({ failureLimit: 2, clock: () => clock.now });
    const service = await makeService("twilio");
    const [user, bystander] = await Promise.all([makeExternal(), makeExternal()]);

    for (let i = 0; i < 2; i += 1) {
      const wrong = await deliver({ serviceKey: service.id, headers: basic(user.logonName, `guess-${i}`) }, receive);
      expect(wrong.status).toBe(401);
    }
    const locked = await deliver(
      { serviceKey: service.id, headers: basic(user.logonName.toUpperCase()), clientAddress: "203.0.113.99" },
      receive,
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.headers?.["Retry-After"])).toBeGreaterThan(0);
    expect(locked.audit).toMatchObject({ outcome: "refused", detail: expect.stringMatching(/^429 too many failed/) });

    expect((await deliver({ serviceKey: service.id, headers: basic(bystander.logonName) }, receive)).status).toBe(202);

    // Still locked just before the window ends, and the refusals while locked do not extend it.
    clock.now += DEFAULT_INBOUND_OPTIONS.failureWindowMs - 1_000;
    const late = await deliver({ serviceKey: service.id, headers: basic(user.logonName) }, receive);
    expect(late).toMatchObject({ status: 429, headers: { "Retry-After": "1" } });
    clock.now += 1_000;
    expect((await deliver({ serviceKey: service.id, headers: basic(user.logonName) }, receive)).status).toBe(202);
  });

  it("counts failures across receivers (server processes) on one database, per name known or not", async () => {
    const [first, second] = [createInboundReceiver({ failureLimit: 3 }), createInboundReceiver({ failureLimit: 3 })];
    const service = await makeService("twilio");
    const user = await makeExternal();
    const unknown = uniqueName("nobody");

    for (const [i, receive] of [first, second, first].entries()) {
      expect(
        (await deliver({ serviceKey: service.id, headers: basic(user.logonName, `guess-${i}`) }, receive)).status,
      ).toBe(401);
      expect((await deliver({ serviceKey: service.id, headers: basic(unknown, `guess-${i}`) }, receive)).status).toBe(
        401,
      );
    }
    for (const receive of [first, second]) {
      expect((await deliver({ serviceKey: service.id, headers: basic(user.logonName) }, receive)).status).toBe(429);
      expect((await deliver({ serviceKey: service.id, headers: basic(unknown) }, receive)).status).toBe(429);
    }
  });

  it("never throttles correct credentials, however many calls, and answers them without a hash each", async () => {
    const receive = createInboundReceiver({ maxChecksInFlight: 1 });
    const service = await makeService("twilio");
    const user = await makeExternal();
    const call = () =>
      receive({ serviceKey: service.id, headers: basic(user.logonName), rawBody: BODY, clientAddress: ADDRESS });

    const statuses: number[] = [];
    // Far more than the 120 a minute an address and service used to get, in bursts of 10 at once: with one
    // password check allowed in flight, a burst gets through only because it waits for one shared check.
    for (let burst = 0; burst < 20; burst += 1) {
      statuses.push(...(await Promise.all(Array.from({ length: 10 }, call))).map((r) => r.status));
    }
    expect(statuses).toEqual(Array(200).fill(202));
    expect(await db().inboundFailure.count({ where: { key: { contains: user.logonKey } } })).toBe(0);
  });

  it("shares one check among identical calls at once, for unknown names as for known ones", async () => {
    const receive = createInboundReceiver({ maxChecksInFlight: 1 });
    const service = await makeService("twilio");
    const user = await makeExternal();
    const burst = (logonName: string) =>
      Promise.all(
        Array.from({ length: 4 }, () =>
          receive({
            serviceKey: service.id,
            headers: basic(logonName, "same-guess"),
            rawBody: BODY,
            clientAddress: ADDRESS,
          }),
        ),
      );

    const known = (await burst(user.logonName)).map((r) => r.status);
    const unknown = (await burst(uniqueName("nobody"))).map((r) => r.status);
    expect(known).toEqual([401, 401, 401, 401]);
    expect(unknown).toEqual(known);
  });

  it("locks a client address after too many failures over any names, and not other addresses", async () => {
    const receive = createInboundReceiver({ addressFailureLimit: 3 });
    const service = await makeService("twilio");
    const user = await makeExternal();
    const sprayer = "203.0.113.200";

    for (let i = 0; i < 3; i += 1) {
      const guess = await deliver(
        { serviceKey: service.id, headers: basic(uniqueName("sprayed")), clientAddress: sprayer },
        receive,
      );
      expect(guess.status).toBe(401);
    }
    const locked = await deliver(
      { serviceKey: service.id, headers: basic(user.logonName), clientAddress: sprayer },
      receive,
    );
    expect(locked).toMatchObject({ status: 429, headers: { "Retry-After": expect.stringMatching(/^\d+$/) } });
    expect(locked.audit.detail).toMatch(/^429 too many failed authentications from this address/);
    const elsewhere = await deliver(
      { serviceKey: service.id, headers: basic(user.logonName), clientAddress: "192.0.2.77" },
      receive,
    );
    expect(elsewhere.status).toBe(202);
  });

  it("refuses with 429 password checks beyond the cap in flight for one logon name", async () => {
    const receive = createInboundReceiver({ maxChecksInFlight: 1 });
    const service = await makeService("twilio");
    const user = await makeExternal();

    // Different guesses each need their own check (the same credentials at once would share one).
    const results = await Promise.all(
      ["guess-a", "guess-b", "guess-c", "guess-d"].map((guess) =>
        receive({
          serviceKey: service.id,
          headers: basic(user.logonName, guess),
          rawBody: BODY,
          clientAddress: ADDRESS,
        }),
      ),
    );

    const statuses = results.map((r) => r.status);
    expect(statuses).toContain(401);
    expect(statuses).toContain(429);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(results.find((r) => r.status === 429)?.headers).toEqual({ "Retry-After": "1" });
    // Once the checks are done, the name is free again.
    expect((await deliver({ serviceKey: service.id, headers: basic(user.logonName) }, receive)).status).toBe(202);
  });
});

describe("the memory of recent password checks", () => {
  async function acceptedTwice(receive: Receiver, serviceId: string, logonName: string) {
    // The second call is answered from the proof the first one's argon2id check left.
    for (let i = 0; i < 2; i += 1) {
      expect((await deliver({ serviceKey: serviceId, headers: basic(logonName) }, receive)).status).toBe(202);
    }
  }

  it("ends at once when the password changes: the old one is refused on the next call, the new one accepted", async () => {
    const receive = createInboundReceiver();
    const [service, admin, user] = await Promise.all([makeService("twilio"), bootstrapAdministrator(), makeExternal()]);
    await acceptedTwice(receive, service.id, user.logonName);

    const { version } = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    await resetPassword(admin, { id: user.id, version, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });

    const old = await deliver({ serviceKey: service.id, headers: basic(user.logonName) }, receive);
    expect(old.status).toBe(401);
    expect(old.audit.detail).toMatch(/^401 wrong credentials \(wrong password\)/);
    expect(
      (await deliver({ serviceKey: service.id, headers: basic(user.logonName, NEW_PASSWORD) }, receive)).status,
    ).toBe(202);
  });

  it("ends at once when the user is disabled", async () => {
    const receive = createInboundReceiver();
    const [service, admin, user] = await Promise.all([makeService("twilio"), bootstrapAdministrator(), makeExternal()]);
    await acceptedTwice(receive, service.id, user.logonName);

    await updateUser(admin, await updateUserRequest(user.id, { enabled: false }));

    const refused = await deliver({ serviceKey: service.id, headers: basic(user.logonName) }, receive);
    expect(refused.status).toBe(401);
    expect(refused.audit.detail).toMatch(/^401 user is disabled/);
  });

  it("ends at once when the user loses the role that gave Use", async () => {
    const receive = createInboundReceiver();
    const [service, admin, user] = await Promise.all([makeService("twilio"), bootstrapAdministrator(), makeExternal()]);
    await acceptedTwice(receive, service.id, user.logonName);

    await updateUser(admin, await updateUserRequest(user.id, { roleIds: [] }));

    const refused = await deliver({ serviceKey: service.id, headers: basic(user.logonName) }, receive);
    expect(refused.status).toBe(403);
  });

  it("ends at once when a role of the user loses the Use right", async () => {
    const receive = createInboundReceiver();
    const [service, admin] = await Promise.all([makeService("twilio"), bootstrapAdministrator()]);
    const role = await makeRole({ rights: [{ objectType: "messaging_service", access: "use", objectId: service.id }] });
    const user = await makeExternal({ roles: [role.id] });
    await acceptedTwice(receive, service.id, user.logonName);

    await updateRole(admin, { id: role.id, version: role.version, name: role.name, description: "", rights: [] });

    const refused = await deliver({ serviceKey: service.id, headers: basic(user.logonName) }, receive);
    expect(refused.status).toBe(403);
    expect(refused.audit.detail).toMatch(/^403 no Use right on this service/);
  });

  it("does not take a wrong password for a remembered one", async () => {
    const receive = createInboundReceiver();
    const [service, user] = await Promise.all([makeService("twilio"), makeExternal()]);
    await acceptedTwice(receive, service.id, user.logonName);

    for (const guess of [`${TEST_PASSWORD}x`, TEST_PASSWORD.slice(0, -1), ""]) {
      const wrong = await deliver({ serviceKey: service.id, headers: basic(user.logonName, guess) }, receive);
      expect(wrong.status).toBe(401);
    }
    expect((await deliver({ serviceKey: service.id, headers: basic(user.logonName) }, receive)).status).toBe(202);
  });
});

describe("types and settings that need no credentials", () => {
  it.each(["facebook", "c4semail"] as const)("accepts a %s delivery without credentials", async (type) => {
    const service = await makeService(type);

    const result = await deliver({ serviceKey: service.id });

    expect(result.status).toBe(202);
    expect(result.audit).toMatchObject({
      objectId: service.id,
      actorName: "anonymous",
      outcome: "success",
      detail: expect.stringMatching(/^202 accepted, /),
    });
  });

  it("accepts a twilio delivery without credentials when Use Local Http Authentication is off", async () => {
    const service = await makeService("twilio");
    expect((await deliver({ serviceKey: service.id })).status).toBe(401);

    await setLocalHttpAuthentication(false);
    const result = await deliver({ serviceKey: service.id });

    expect(result.status).toBe(202);
    expect(result.audit.detail).toMatch(/Use Local Http Authentication is off/);
  });
});

describe("Sinch Conversation API webhooks", () => {
  it("checks the signature whatever the setting says once the webhook entry holds a secret", async () => {
    await setLocalHttpAuthentication(false);
    const signed = await makeSinchService();
    const unsigned = await deliver({ serviceKey: signed.id });
    const forged = await deliver({ serviceKey: signed.id, headers: sinchHeaders({ secret: "not-the-secret" }) });
    const genuine = await deliver({ serviceKey: signed.id, headers: sinchHeaders() });

    expect([unsigned.status, forged.status, genuine.status]).toEqual([401, 401, 202]);
    expect(unsigned.audit).toMatchObject({ outcome: "refused", detail: expect.stringMatching(/^401 Sinch signature/) });

    // Without a secret there is nothing to check: the setting decides, and it is off.
    for (const webhook of [null, "none"] as const) {
      const bare = await makeSinchService(webhook);
      const result = await deliver({ serviceKey: bare.id });
      expect(result.status).toBe(202);
      expect(result.audit.detail).toMatch(/Use Local Http Authentication is off/);
    }
  });

  it("accepts a correctly signed callback", async () => {
    const service = await makeSinchService();

    const result = await deliver({ serviceKey: service.id, headers: sinchHeaders() });

    expect(result.status).toBe(202);
    expect(result.audit).toMatchObject({
      objectId: service.id,
      actorId: null,
      actorName: "sinch webhook",
      outcome: "success",
      detail: expect.stringMatching(/^202 accepted, Sinch signature verified/),
    });
  });

  it("refuses with 401 a callback signed with another secret, or not signed", async () => {
    const service = await makeSinchService();

    const wrong = await deliver({ serviceKey: service.id, headers: sinchHeaders({ secret: "another-secret" }) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers).toBeUndefined();
    expect(wrong.audit).toMatchObject({ outcome: "refused", detail: expect.stringMatching(/bad signature/) });

    const unsigned = await deliver({ serviceKey: service.id });
    expect(unsigned.status).toBe(401);
    expect(unsigned.audit.detail).toMatch(/missing header/);
  });

  it("refuses with 401 a body changed after signing", async () => {
    const service = await makeSinchService();
    const headers = sinchHeaders();
    const result = await deliver({ serviceKey: service.id, headers, rawBody: BODY.replace("text", "txet") });
    expect(result.status).toBe(401);
  });

  it("refuses with 401 a stale timestamp", async () => {
    const service = await makeSinchService();
    const stale = Math.floor(Date.now() / 1000) - 301;

    const result = await deliver({ serviceKey: service.id, headers: sinchHeaders({ timestamp: stale }) });

    expect(result.status).toBe(401);
    expect(result.audit.detail).toMatch(/stale timestamp/);
  });

  it("refuses with 401 a replayed nonce, on the same service only, whichever receiver (process) saw it first", async () => {
    const [receive, another] = [createInboundReceiver(), createInboundReceiver()];
    const [service, other] = await Promise.all([makeSinchService(), makeSinchService()]);
    const headers = sinchHeaders({ nonce: "nonce-once" });

    expect((await deliver({ serviceKey: service.id, headers }, receive)).status).toBe(202);
    for (const replaying of [receive, another]) {
      const replay = await deliver({ serviceKey: service.id, headers }, replaying);
      expect(replay.status).toBe(401);
      expect(replay.audit.detail).toMatch(/replayed nonce/);
    }
    expect((await deliver({ serviceKey: other.id, headers }, another)).status).toBe(202);
  });

  it("accepts a nonce given to two receivers at once only once", async () => {
    const [receive, another] = [createInboundReceiver(), createInboundReceiver()];
    const service = await makeSinchService();
    const headers = sinchHeaders();
    const call = (r: Receiver) => r({ serviceKey: service.id, headers, rawBody: BODY, clientAddress: ADDRESS });

    const statuses = (await Promise.all([call(receive), call(another), call(receive), call(another)])).map(
      (r) => r.status,
    );
    expect(statuses.sort()).toEqual([202, 401, 401, 401]);
  });

  it("refuses with 403 a service without a webhook entry, or with one whose secret is not set", async () => {
    const withoutEntry = await makeSinchService("none");
    const result = await deliver({ serviceKey: withoutEntry.id, headers: sinchHeaders() });
    expect(result.status).toBe(403);
    expect(result.audit).toMatchObject({ outcome: "refused", detail: expect.stringMatching(/^403 no webhook entry/) });

    const withoutSecret = await makeSinchService(null);
    const unset = await deliver({ serviceKey: withoutSecret.id, headers: sinchHeaders() });
    expect(unset.status).toBe(403);
    expect(unset.audit.detail).toMatch(/^403 webhook entry has no secret/);
  });

  it("does not take Basic credentials instead of a signature", async () => {
    const service = await makeSinchService();
    const user = await makeExternal();
    expect((await deliver({ serviceKey: service.id, headers: basic(user.logonName) })).status).toBe(401);
  });
});

describe("unknown services, sizes and rates", () => {
  it("answers 404 for an unknown service and audits it as failed without an object", async () => {
    const result = await deliver({ serviceKey: "no-such-service" });
    expect(result.status).toBe(404);
    expect(result.audit).toMatchObject({
      objectId: null,
      objectName: null,
      outcome: "failed",
      detail: expect.stringMatching(/^404 unknown service "no-such-service"/),
    });

    expect((await deliver({ serviceKey: randomUUID() })).status).toBe(404);
    expect((await deliver({ serviceKey: "x".repeat(500) })).status).toBe(404);
  });

  it.each([
    ["a NUL", "\u0000"],
    ["a NUL inside a name", "a\u0000b"],
    ["another control character", "svc\u001b[31m"],
  ])("answers 404 for a key holding %s (no name can) and audits it as an unknown service", async (_, key) => {
    const result = await deliver({ serviceKey: key });
    expect(result.status).toBe(404);
    expect(result.audit).toMatchObject({ objectId: null, outcome: "failed" });
    expect(result.audit.detail).toBe(`404 unknown service ${JSON.stringify(key)}, ${Buffer.byteLength(BODY)} bytes`);
  });

  it("refuses a body over 1 MiB with 413 before authentication, and takes exactly 1 MiB", async () => {
    const [twilio, facebook] = await Promise.all([makeService("twilio"), makeService("facebook")]);
    const user = await makeExternal();

    const tooLarge = await deliver({
      serviceKey: twilio.id,
      headers: basic(user.logonName),
      rawBody: Buffer.alloc(MAX_INBOUND_BODY_BYTES + 1, 0x61),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.audit).toMatchObject({
      objectId: twilio.id,
      outcome: "refused",
      detail: "413 body over 1048576 bytes",
    });

    const largest = await deliver({ serviceKey: facebook.id, rawBody: Buffer.alloc(MAX_INBOUND_BODY_BYTES, 0x61) });
    expect(largest.status).toBe(202);
    expect(largest.audit.detail).toBe("202 accepted, facebook needs no incoming authentication, 1048576 bytes");
  });
  it("does not limit deliveries that need no credentials", async () => {
    const receive = createInboundReceiver();
    const service = await makeService("facebook");
    const call = () =>
      receive({ serviceKey: service.id, headers: new Headers(), rawBody: BODY, clientAddress: ADDRESS });
    const statuses: number[] = [];
    for (let burst = 0; burst < 13; burst += 1) {
      statuses.push(...(await Promise.all(Array.from({ length: 10 }, call))).map((r) => r.status));
    }
    expect(statuses).toEqual(Array(130).fill(202));
  });
});

describe("the HTTP adapter", () => {
  const post = (path: string, init: { headers?: HeadersInit; body?: BodyInit } = {}) =>
    new Request(`http://localhost/api/inbound/${path}`, { method: "POST", ...init });

  it("answers with the status, the headers and no body, taking the address from X-Forwarded-For", async () => {
    const service = await makeService("twilio");
    const user = await makeExternal();
    const receive = createInboundReceiver();

    const accepted = await inboundResponse(
      post(service.name, {
        headers: {
          authorization: basic(user.logonName).get("authorization")!,
          "x-forwarded-for": "203.0.113.5, 10.0.0.1",
        },
        body: BODY,
      }),
      service.name,
      receive,
    );
    expect(accepted.status).toBe(202);
    expect(await accepted.text()).toBe("");
    const row = await db().auditEvent.findFirst({ where: { objectId: service.id }, orderBy: { at: "desc" } });
    expect(row).toMatchObject({ clientAddress: "203.0.113.5", outcome: "success" });

    const refused = await inboundResponse(post(service.id, { body: BODY }), service.id, receive);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe(BASIC_CHALLENGE);
    expect(await refused.text()).toBe("");
  });

  it("verifies a Sinch signature over the raw bytes, not re-decoded text", async () => {
    const service = await makeSinchService();
    // Not valid UTF-8: decoding to text and back would change these bytes and break the signature.
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const headers = new Headers(
      signSinchPayload({ rawBody: bytes, secret: WEBHOOK_SECRET, nonce: randomUUID(), timestamp: new Date() }),
    );
    const response = await inboundResponse(
      post(service.id, { headers, body: bytes }),
      service.id,
      createInboundReceiver(),
    );
    expect(response.status).toBe(202);
  });

  it("answers 413 to an oversized body", async () => {
    const service = await makeService("facebook");
    const response = await inboundResponse(
      post(service.id, { body: "y".repeat(MAX_INBOUND_BODY_BYTES + 10) }),
      service.id,
      createInboundReceiver(),
    );
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("");
  });
});

describe("the audit trail", () => {
  it("records every outcome, but never message content, passwords or secrets", async () => {
    const receive = createInboundReceiver();
    const [twilio, sinch] = await Promise.all([makeService("twilio"), makeSinchService()]);
    const user = await makeExternal();
    const console_ = await makeUser({ kind: "console", roles: ["administrator"] });
    const oversized = `${BODY}${"z".repeat(MAX_INBOUND_BODY_BYTES)}`;

    const results = [
      await deliver({ serviceKey: twilio.id, headers: basic(user.logonName) }, receive),
      await deliver({ serviceKey: twilio.id, headers: basic(user.logonName, "not-the-password") }, receive),
      await deliver({ serviceKey: twilio.id, headers: basic(console_.logonName) }, receive),
      await deliver({ serviceKey: twilio.id, headers: basic("not-the-password", "also-not-it") }, receive),
      await deliver({ serviceKey: twilio.id, headers: basic(user.logonName), rawBody: oversized }, receive),
      await deliver({ serviceKey: sinch.id, headers: sinchHeaders() }, receive),
      await deliver({ serviceKey: sinch.id, headers: sinchHeaders({ secret: "another-secret" }) }, receive),
      await deliver({ serviceKey: "no-such-service", headers: basic(user.logonName) }, receive),
    ];

    expect(results.map((r) => r.status)).toEqual([202, 401, 401, 401, 413, 202, 401, 404]);
    expect(results.map((r) => r.audit.outcome)).toEqual([
      "success",
      "refused",
      "refused",
      "refused",
      "refused",
      "success",
      "refused",
      "failed",
    ]);
    const serialized = JSON.stringify(results.map((r) => r.audit));
    for (const secret of [
      BODY_MARKER,
      TEST_PASSWORD,
      "not-the-password",
      "also-not-it",
      WEBHOOK_SECRET,
      "another-secret",
    ]) {
      expect(serialized).not.toContain(secret);
    }
    expect(results.every((r) => r.audit.changes === null)).toBe(true);
  });
});
