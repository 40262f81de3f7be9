// The guided incoming-user flow grants Use on the one service it was started from, as a right of the user's
// own; the page and the service agree on who may run it; only those who may view users see who the
// service's external users are.
import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, tableCounts, uniqueName } from "../testing/factories";
import { createServiceRequest } from "../testing/messaging-requests";
import { NEW_PASSWORD } from "../testing/requests";
import { formatBasicAuth } from "./basic-auth";
import { createInboundReceiver } from "./inbound";
import { createIncomingUser } from "./incoming-user";
import { mayCreateIncomingUser } from "./permissions";
import { ZIncomingUserForServiceRequest } from "./schemas";
import { createMessagingService, getMessagingService } from "./service";
import type { MessagingServiceType } from "./service-types";

const request = (serviceId: string, logonName = uniqueName("inbound")) =>
  ZIncomingUserForServiceRequest.parse({
    serviceId,
    firstName: "Inbound",
    lastName: "Gateway",
    logonName,
    password: NEW_PASSWORD,
    confirmPassword: NEW_PASSWORD,
  });

const makeService = (admin: Actor, type: MessagingServiceType = "twilio") =>
  createMessagingService(admin, createServiceRequest(type));

async function deliverAs(logonName: string, serviceId: string) {
  const receive = createInboundReceiver();
  const headers = new Headers({ authorization: formatBasicAuth({ logonName, password: NEW_PASSWORD }) });
  return (await receive({ serviceKey: serviceId, headers, rawBody: "{}", clientAddress: "192.0.2.40" })).status;
}

/** Every right the flow for `serviceId` needs, and view on services to open the page. */
const flowRights = (serviceId: string) =>
  [
    { objectType: "user", access: "create" },
    { objectType: "user", access: "manage_rights" },
    { objectType: "messaging_service", access: "view" },
    { objectType: "messaging_service", access: "use", objectId: serviceId },
  ] as const;

describe("createIncomingUser", () => {
  it("grants Use on the service it was started from only, as a direct right, and inbound follows", async () => {
    const admin = await bootstrapAdministrator();
    const [service, other] = [await makeService(admin), await makeService(admin)];

    const user = await createIncomingUser(admin, request(service.id));

    const stored = await db().user.findUniqueOrThrow({
      where: { id: user.id },
      include: { rights: true, roles: true },
    });
    expect(stored).toMatchObject({ kind: "external", enabled: true, mustChangePassword: false, roles: [] });
    expect(stored.rights.map(({ objectType, access, objectId }) => ({ objectType, access, objectId }))).toEqual([
      { objectType: "messaging_service", access: "use", objectId: service.id },
    ]);
    expect(await deliverAs(user.logonName, service.id)).toBe(202);
    expect(await deliverAs(user.logonName, other.id)).toBe(403);

    const audit = await db().auditEvent.findMany({ where: { objectId: user.id } });
    expect(audit.map((a) => [a.action, a.objectType, a.outcome, a.actorId])).toEqual([
      ["create", "user", "success", admin.id],
    ]);
    expect(audit[0]?.changes).toMatchObject({
      kind: { from: null, to: "external" },
      // Stored as right keys; the audit page reads them as "Use on messaging service <name>".
      rights: { from: null, to: [`messaging_service:use:${service.id}`] },
      password: "set",
    });
  });

  it("is offered and allowed exactly to an actor who holds Use on this service besides the user rights", async () => {
    const admin = await bootstrapAdministrator();
    const [service, other] = [await makeService(admin), await makeService(admin)];
    const allowed = await actorWithRights(flowRights(service.id));
    const useElsewhere = await actorWithRights(
      flowRights(service.id).map((r) => (r.access === "use" ? { ...r, objectId: other.id } : r)),
    );
    const noManage = await actorWithRights(flowRights(service.id).filter((r) => r.access !== "manage_rights"));

    expect(mayCreateIncomingUser(allowed.rights, service)).toBe(true);
    expect(mayCreateIncomingUser(useElsewhere.rights, service)).toBe(false);
    expect(mayCreateIncomingUser(noManage.rights, service)).toBe(false);

    for (const actor of [useElsewhere, noManage]) {
      const before = await tableCounts();
      const logonName = uniqueName("refused");
      expect((await appError(createIncomingUser(actor, request(service.id, logonName)))).code).toBe("forbidden");
      const after = await tableCounts();
      expect({ ...after, auditEvents: after.auditEvents - 1 }).toEqual(before);
      expect(await db().user.count({ where: { logonName } })).toBe(0);
      const refusals = await db().auditEvent.findMany({ where: { actorId: actor.id, outcome: "refused" } });
      expect(refusals).toHaveLength(1);
    }

    const user = await createIncomingUser(allowed, request(service.id));
    expect(await deliverAs(user.logonName, service.id)).toBe(202);
  });

  it("is neither offered nor allowed for types that do not authenticate callers as users", async () => {
    const admin = await bootstrapAdministrator();
    for (const type of ["facebook", "c4semail", "sinchconversation"] as const) {
      const service = await makeService(admin, type);
      expect(mayCreateIncomingUser(admin.rights, service)).toBe(false);
      const logonName = uniqueName("wrong-type");
      const error = await appError(createIncomingUser(admin, request(service.id, logonName)));
      expect(error.code).toBe("invalid");
      expect(await db().user.count({ where: { logonName } })).toBe(0);
    }
    expect(mayCreateIncomingUser(admin.rights, await makeService(admin, "wavy"))).toBe(true);
  });
});

describe("the external users a service page shows", () => {
  it("are given only to those who may view users, and only those they may view", async () => {
    const admin = await bootstrapAdministrator();
    const service = await makeService(admin);
    const user = await createIncomingUser(admin, request(service.id));
    const operator = await actorWithRights([{ objectType: "messaging_service", access: "view" }]);
    const viewsUsers = await actorWithRights([
      { objectType: "messaging_service", access: "view" },
      { objectType: "user", access: "view" },
    ]);
    const viewsAnotherUser = await actorWithRights([
      { objectType: "messaging_service", access: "view" },
      { objectType: "user", access: "view", objectId: admin.id },
    ]);

    const seen = await getMessagingService(operator, service.id);
    expect(seen.incomingUsers).toBeNull();
    expect(JSON.stringify(seen)).not.toContain(user.logonName);
    expect(seen.readiness).toBe("ready");
    expect((await getMessagingService(viewsUsers, service.id)).incomingUsers).toEqual([
      { id: user.id, logonName: user.logonName, enabled: true },
    ]);
    expect((await getMessagingService(viewsAnotherUser, service.id)).incomingUsers).toEqual([]);
  });
});
