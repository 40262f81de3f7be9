// Incoming authentication readiness, as the service screen and the list (and its filter) show it.
// Use on all services, once granted to an enabled external user, makes every service of the file ready:
// so each test's external users are disabled afterwards, and the setting is back on.
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { PAGE_SIZE, ZListParams } from "../list/params";
import { listSettings, updateSetting, ZUpdateSettingRequest } from "../settings/service";
import { actorWithRights, bootstrapAdministrator, makeRole, makeUser, uniqueName } from "../testing/factories";
import {
  createServiceRequest,
  newEntries,
  storedCredentials,
  uniqueSecret,
  updateServiceRequest,
} from "../testing/messaging-requests";
import { NEW_PASSWORD, updateUserRequest } from "../testing/requests";
import { updateUser } from "../users/service";
import { createIncomingUser } from "./incoming-user";
import type { Readiness } from "./readiness";
import { ZIncomingUserForServiceRequest } from "./schemas";
import {
  createMessagingService,
  getMessagingService,
  listMessagingServices,
  type ServiceListFilter,
  updateMessagingService,
} from "./service";
import type { MessagingServiceType } from "./service-types";

async function setIncomingAuthentication(admin: Actor, value: boolean) {
  const current = (await listSettings(admin)).find((s) => s.key === "useLocalHttpAuthentication")!;
  if (current.value === value) return;
  await updateSetting(
    admin,
    ZUpdateSettingRequest.parse({ key: "useLocalHttpAuthentication", value, version: current.version }),
  );
}

afterEach(async () => {
  await db().user.updateMany({ where: { kind: "external" }, data: { enabled: false } });
  await setIncomingAuthentication(await bootstrapAdministrator(), true);
});

const list = (actor: Actor, filter: Partial<ServiceListFilter>) =>
  listMessagingServices(actor, { ...ZListParams.parse({}), ...filter });

/** Services whose names start with the test's own prefix, so other tests' services stay out of the sets. */
function makeServices(admin: Actor) {
  const prefix = uniqueName("ready");
  const make = (type: MessagingServiceType, entries = newEntries(type)) =>
    createMessagingService(admin, createServiceRequest(type, { name: uniqueName(`${prefix}-${type}`), entries }));
  /** The readiness of each of the test's services, as the list shows it. */
  const readiness = async () => {
    const page = await list(admin, { q: prefix });
    return Object.fromEntries(page.rows.map((r) => [r.id, r.readiness]));
  };
  /** Ids the list returns for this filter, sorted. */
  const ids = async (filter: Partial<ServiceListFilter>) =>
    (await list(admin, { q: prefix, ...filter })).rows.map((r) => r.id).sort();
  return { make, readiness, ids };
}

/** A role granting Use on this one service. */
const roleWithUseOn = (id: string) =>
  makeRole({ rights: [{ objectType: "messaging_service", access: "use", objectId: id }] });

const sorted = (...services: { id: string }[]) => services.map((s) => s.id).sort();

const incomingUserRequest = (serviceId: string) =>
  ZIncomingUserForServiceRequest.parse({
    serviceId,
    firstName: "Inbound",
    lastName: "Gateway",
    logonName: uniqueName("inbound"),
    password: NEW_PASSWORD,
    confirmPassword: NEW_PASSWORD,
  });

describe("readiness of types that authenticate callers as external users", () => {
  it("is missing until an enabled external user holds Use, ready then, and missing again once they are disabled", async () => {
    const admin = await bootstrapAdministrator();
    const { make, readiness } = makeServices(admin);
    const twilio = await make("twilio");
    expect((await getMessagingService(admin, twilio.id)).readiness).toBe("missing");
    expect(await readiness()).toEqual({ [twilio.id]: "missing" });

    const user = await createIncomingUser(admin, incomingUserRequest(twilio.id));

    const shown = await getMessagingService(admin, twilio.id);
    expect(shown.readiness).toBe("ready");
    expect(shown.incomingUsers).toContainEqual({ id: user.id, logonName: user.logonName, enabled: true });
    expect(await readiness()).toEqual({ [twilio.id]: "ready" });

    await updateUser(admin, await updateUserRequest(user.id, { enabled: false }));

    const after = await getMessagingService(admin, twilio.id);
    expect(after.readiness).toBe("missing");
    expect(after.incomingUsers).toContainEqual({ id: user.id, logonName: user.logonName, enabled: false });
    expect(await readiness()).toEqual({ [twilio.id]: "missing" });
  });

  it("makes only the service a role names ready; console users and disabled external users do not count", async () => {
    const admin = await bootstrapAdministrator();
    const { make, readiness, ids } = makeServices(admin);
    const [named, consoleOnly, disabled] = [await make("twilio"), await make("twilio"), await make("sap365")];
    const external = await makeUser({ kind: "external", roles: [(await roleWithUseOn(named.id)).id] });
    const consoleUser = await makeUser({ kind: "console", roles: [(await roleWithUseOn(consoleOnly.id)).id] });
    const off = await makeUser({ kind: "external", enabled: false, roles: [(await roleWithUseOn(disabled.id)).id] });

    expect(await readiness()).toEqual({ [named.id]: "ready", [consoleOnly.id]: "missing", [disabled.id]: "missing" });
    expect(await ids({ readiness: "ready" })).toEqual(sorted(named));
    expect(await ids({ readiness: "missing" })).toEqual(sorted(consoleOnly, disabled));
    // Earlier tests' external users hold Use on all services; only this test's users are compared.
    const mine = [external.id, consoleUser.id, off.id];
    const shownUsers = async (id: string) =>
      ((await getMessagingService(admin, id)).incomingUsers ?? []).filter((u) => mine.includes(u.id));
    expect(await shownUsers(named.id)).toEqual([{ id: external.id, logonName: external.logonName, enabled: true }]);
    expect(await shownUsers(consoleOnly.id)).toEqual([]);
    expect(await shownUsers(disabled.id)).toEqual([{ id: off.id, logonName: off.logonName, enabled: false }]);
  });
});

describe("readiness of sinchconversation, which signs its callbacks", () => {
  it("is ready exactly while its webhook entry has a secret, whatever external users exist", async () => {
    const admin = await bootstrapAdministrator();
    const { make, readiness } = makeServices(admin);
    const sinch = await make("sinchconversation");
    await makeUser({ kind: "external", roles: ["integration"] });
    expect(await readiness()).toEqual({ [sinch.id]: "missing" });
    expect((await getMessagingService(admin, sinch.id)).readiness).toBe("missing");

    const request = await updateServiceRequest(sinch.id);
    await updateMessagingService(admin, {
      ...request,
      credentials: [
        ...request.credentials,
        { authId: "webhook", secret: { action: "replace", value: uniqueSecret() } },
      ],
    });
    expect(await readiness()).toEqual({ [sinch.id]: "ready" });
    expect((await getMessagingService(admin, sinch.id)).readiness).toBe("ready");

    const webhook = (await storedCredentials(sinch.id)).find((c) => c.authId === "webhook")!;
    const kept = await updateServiceRequest(sinch.id);
    await updateMessagingService(admin, {
      ...kept,
      credentials: kept.credentials.filter((c) => c.id !== webhook.id),
    });
    expect(await readiness()).toEqual({ [sinch.id]: "missing" });
    expect((await getMessagingService(admin, sinch.id)).readiness).toBe("missing");
  });
});

describe("the list's readiness and type filters", () => {
  it("return exactly the matching services, and everything is off while the setting is off", async () => {
    const admin = await bootstrapAdministrator();
    const { make, readiness, ids } = makeServices(admin);
    const twilioReady = await make("twilio");
    const twilioMissing = await make("twilio");
    const sinchReady = await make(
      "sinchconversation",
      newEntries("sinchconversation", [{ authId: "webhook", secret: uniqueSecret() }]),
    );
    const sinchMissing = await make("sinchconversation");
    const facebook = await make("facebook");
    const c4s = await make("c4semail");
    const wavy = await make("wavy");
    const role = await makeRole({
      rights: [{ objectType: "messaging_service", access: "use", objectId: twilioReady.id }],
    });
    await makeUser({ kind: "external", roles: [role.id] });
    const all = sorted(twilioReady, twilioMissing, sinchReady, sinchMissing, facebook, c4s, wavy);

    expect(await readiness()).toEqual({
      [twilioReady.id]: "ready",
      [twilioMissing.id]: "missing",
      [sinchReady.id]: "ready",
      [sinchMissing.id]: "missing",
      [facebook.id]: "not_needed",
      [c4s.id]: "not_needed",
      [wavy.id]: "missing",
    });
    expect(await ids({})).toEqual(all);
    expect(await ids({ readiness: "ready" })).toEqual(sorted(twilioReady, sinchReady));
    expect(await ids({ readiness: "missing" })).toEqual(sorted(twilioMissing, sinchMissing, wavy));
    expect(await ids({ readiness: "not_needed" })).toEqual(sorted(facebook, c4s));
    expect(await ids({ readiness: "off" })).toEqual([]);
    expect(await ids({ type: "twilio" })).toEqual(sorted(twilioReady, twilioMissing));
    expect(await ids({ type: "sinchconversation", readiness: "ready" })).toEqual(sorted(sinchReady));
    expect(await ids({ type: "facebook", readiness: "missing" })).toEqual([]);
    expect((await list(admin, { q: "x" })).incomingAuthentication).toBe(true);

    await setIncomingAuthentication(admin, false);

    const off = await list(admin, { q: "x" });
    expect(off.incomingAuthentication).toBe(false);
    // A webhook secret is checked whatever the setting says: that service stays ready.
    const offAll = all.filter((id) => id !== sinchReady.id);
    expect(await readiness()).toEqual({
      ...Object.fromEntries(offAll.map((id) => [id, "off"])),
      [sinchReady.id]: "ready",
    });
    expect(await ids({ readiness: "off" })).toEqual(offAll);
    expect(await ids({ readiness: "ready" })).toEqual(sorted(sinchReady));
    for (const wanted of ["missing", "not_needed"] as const) expect(await ids({ readiness: wanted })).toEqual([]);
    expect(await ids({ type: "wavy", readiness: "off" })).toEqual(sorted(wavy));
    expect((await getMessagingService(admin, twilioReady.id)).readiness).toBe("off");
    expect((await getMessagingService(admin, facebook.id)).readiness).toBe("off");
  });

  it("treat Use on all services as ready for every type that authenticates callers as users", async () => {
    const admin = await bootstrapAdministrator();
    const { make, readiness, ids } = makeServices(admin);
    const services = {
      sap365: await make("sap365"),
      twilio: await make("twilio"),
      social365: await make("social365"),
      sinchsms: await make("sinchsms"),
      wavy: await make("wavy"),
      sinchconversation: await make("sinchconversation"),
      facebook: await make("facebook"),
    };

    await makeUser({ kind: "external", roles: ["integration"] });

    const expected: Record<string, Readiness> = {
      [services.sap365.id]: "ready",
      [services.twilio.id]: "ready",
      [services.social365.id]: "ready",
      [services.sinchsms.id]: "ready",
      [services.wavy.id]: "ready",
      [services.sinchconversation.id]: "missing",
      [services.facebook.id]: "not_needed",
    };
    expect(await readiness()).toEqual(expected);
    expect(await ids({ readiness: "missing" })).toEqual(sorted(services.sinchconversation));
    expect(await ids({ readiness: "ready" })).toEqual(
      sorted(services.sap365, services.twilio, services.social365, services.sinchsms, services.wavy),
    );
  });
});

describe("a list filtered by readiness", () => {
  it("pages, sorts, counts and scopes like the unfiltered list", async () => {
    const admin = await bootstrapAdministrator();
    const { make } = makeServices(admin);
    // Nobody holds Use on these: every one is missing.
    const services = [];
    for (let i = 0; i < PAGE_SIZE + 3; i++) services.push(await make("twilio"));
    const prefix = services[0]!.name.split("-twilio")[0]!;
    const filter = { q: prefix, sort: "name", dir: "desc" as const };
    for (const page of [1, 2]) {
      const plain = await list(admin, { ...filter, page });
      const missing = await list(admin, { ...filter, page, readiness: "missing" });
      expect(missing.rows).toEqual(plain.rows);
      expect(missing.rows.map((r) => r.readiness)).toEqual(plain.rows.map(() => "missing"));
      expect([missing.total, missing.pageCount]).toEqual([PAGE_SIZE + 3, 2]);
    }
    expect((await list(admin, { ...filter, page: 2, readiness: "missing" })).rows).toHaveLength(3);
    expect((await list(admin, { ...filter, readiness: "missing" })).rows[0]!.createdAt).toBeInstanceOf(Date);
    expect((await list(admin, { ...filter, readiness: "ready" })).total).toBe(0);
    const windowed = await listMessagingServices(
      admin,
      { ...ZListParams.parse(filter), readiness: "missing" },
      "window",
    );
    expect([windowed.total, windowed.totalExact]).toEqual([PAGE_SIZE + 3, undefined]);

    // One who may view two of them sees those two, filtered or not; one who may view none, none.
    const two = services.slice(0, 2);
    const viewer = await actorWithRights(
      two.map((s) => ({ objectType: "messaging_service" as const, access: "view" as const, objectId: s.id })),
    );
    expect((await list(viewer, { q: prefix, readiness: "missing" })).rows.map((r) => r.id).sort()).toEqual(
      sorted(...two),
    );
    // A % typed in the search matches itself, not anything.
    expect((await list(admin, { q: `${prefix}%`, readiness: "missing" })).total).toBe(0);
  });
});
