// The wrapper every server action goes through, run with a real service on a real database: only who
// is signed in is chosen by the test (through the resolver the wrapper takes instead of the session).
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { actorWithRights, makeActor, makeUser, tableCounts } from "../testing/factories";
import { updateUserRequest } from "../testing/requests";
import { ZUpdateUserRequest } from "../users/schemas";
import { updateUser } from "../users/service";
import { actionWrapper } from "./action-wrapper";

/** The users page's update action, as app/(console)/users/actions.ts defines it, signed in as `actor`. */
function updateUserActionAs(actor: Actor | null) {
  const defineAction = actionWrapper(async () => actor);
  return defineAction(ZUpdateUserRequest, async (who, input) => {
    const user = await updateUser(who, input);
    return { id: user.id, version: user.version };
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the action wrapper", () => {
  it("refuses the signed out before reading the input, writing nothing", async () => {
    const user = await makeUser();
    const before = await tableCounts();
    const result = await updateUserActionAs(null)(await updateUserRequest(user.id, { firstName: "Changed" }));
    expect(result).toEqual({
      ok: false,
      code: "unauthenticated",
      formError: "Your session has ended. Sign in again.",
      fieldErrors: {},
    });
    expect(await tableCounts()).toEqual(before);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).firstName).toBe("Test");
  });

  it("lets a user who must change their password do nothing else", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const user = await makeUser();
    const before = await tableCounts();
    const action = updateUserActionAs({ ...admin, mustChangePassword: true });
    const result = await action(await updateUserRequest(user.id, { firstName: "Changed" }));
    expect(result).toMatchObject({
      ok: false,
      code: "forbidden",
      formError: "Change your password before you continue.",
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("passes a refusal on as forbidden, with the service's audit row and nothing else written", async () => {
    const viewer = await actorWithRights([{ objectType: "user", access: "view" }]);
    const user = await makeUser();
    const before = await tableCounts();
    const result = await updateUserActionAs(viewer)(await updateUserRequest(user.id, { firstName: "Changed" }));
    expect(result).toEqual({
      ok: false,
      code: "forbidden",
      formError: "You do not have the modify right on users.",
      fieldErrors: {},
    });
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    expect(await db().auditEvent.count({ where: { actorId: viewer.id, outcome: "refused" } })).toBe(1);
  });

  it("returns every field error of invalid input and writes nothing", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const user = await makeUser();
    const before = await tableCounts();
    const request = await updateUserRequest(user.id);
    const result = await updateUserActionAs(admin)({
      ...request,
      firstName: "",
      logonName: "has space",
      email: "not-an-address",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid");
    expect(result.formError).toBe("Some fields need attention.");
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["email", "firstName", "logonName"]);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a stale version with the service's message and overwrites nothing", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const user = await makeUser();
    const opened = await updateUserRequest(user.id, { firstName: "First" });
    expect((await updateUserActionAs(admin)(opened)).ok).toBe(true);
    const before = await tableCounts();
    const result = await updateUserActionAs(admin)({ ...opened, firstName: "Second" });
    expect(result).toMatchObject({ ok: false, code: "stale", fieldErrors: {} });
    expect(result.ok ? "" : result.formError).toMatch(/changed since you opened it/);
    expect(await tableCounts()).toEqual(before);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).firstName).toBe("First");
  });

  it("passes a service's field errors on", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const [user, other] = [await makeUser(), await makeUser()];
    const result = await updateUserActionAs(admin)(await updateUserRequest(user.id, { logonName: other.logonName }));
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { logonName: ["A user with this logon name exists already."] },
    });
  });

  it("saves and returns the service's data, with the audit row and the revision", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const user = await makeUser();
    const before = await tableCounts();
    const result = await updateUserActionAs(admin)(await updateUserRequest(user.id, { firstName: "Changed" }));
    expect(result).toEqual({ ok: true, data: { id: user.id, version: user.version + 1 } });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).firstName).toBe("Changed");
    expect(await tableCounts()).toEqual({
      ...before,
      auditEvents: before.auditEvents + 1,
      revisions: before.revisions + 1,
    });
  });

  it("tells the user nothing was saved when something unexpected fails, without its text", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const defineAction = actionWrapper(async () => admin);
    const action = defineAction(ZUpdateUserRequest, async () => {
      throw new Error("connection to 10.0.0.5 refused, password=hunter2");
    });
    const user = await makeUser();
    const result = await action(await updateUserRequest(user.id));
    expect(result).toEqual({
      ok: false,
      code: "error",
      formError: "Something went wrong and nothing was saved. Try again.",
      fieldErrors: {},
    });
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
