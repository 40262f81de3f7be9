// The session's actor as every page, action and API call reads it: the user, the session's state and the
// user's rights in one statement (lib/auth/current.ts), against what the rights' own read says.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { loadRights } from "../rights/load";
import { makeRole, makeUser } from "../testing/factories";
import { sessionActor } from "./current";
import { revokeSession } from "./revoked-sessions";

const headers = new Headers({ "x-forwarded-for": "198.51.100.7" });
const now = () => Math.floor(Date.now() / 1000);

async function signedInUser() {
  const role = await makeRole({
    rights: [
      { objectType: "messaging_service", access: "view" },
      { objectType: "user", access: "modify", objectId: "a-user-id" },
    ],
  });
  const user = await makeUser({ roles: ["auditor", role.id] });
  await db().userRight.create({
    data: { userId: user.id, objectType: "community", access: "view", objectId: "a-community-id" },
  });
  const token = { sub: user.id, av: user.authVersion, at: now(), sid: randomUUID() };
  return { user, token };
}

describe("the session's actor", () => {
  it("carries the user's rights as loadRights reads them: the roles' grants, then those held directly", async () => {
    const { user, token } = await signedInUser();
    const actor = await sessionActor(token, headers);

    expect(actor).toMatchObject({ id: user.id, logonName: user.logonName, clientAddress: "198.51.100.7" });
    const rights = await loadRights(db(), user.id);
    expect(rights.length).toBeGreaterThan(3);
    expect(new Set(actor?.rights.map((r) => JSON.stringify(r)))).toEqual(new Set(rights.map((r) => JSON.stringify(r))));
    // Held directly comes last, with its object.
    expect(actor?.rights.at(-1)).toEqual({
      objectType: "community",
      access: "view",
      objectId: "a-community-id",
      source: { kind: "direct" },
    });
  });

  it("has no rights for a user without any, and still is the user", async () => {
    const user = await makeUser();
    const actor = await sessionActor({ sub: user.id, av: user.authVersion, at: now(), sid: randomUUID() }, headers);
    expect(actor).toMatchObject({ id: user.id, rights: [] });
  });

  it("ends with a revoked session, a disabled user, a changed authentication version, or the 8-hour limit", async () => {
    const { token } = await signedInUser();
    expect(await sessionActor(token, headers)).not.toBeNull();

    expect(await sessionActor({ ...token, av: token.av + 1 }, headers)).toBeNull();
    expect(await sessionActor({ ...token, at: now() - 9 * 3600 }, headers)).toBeNull();
    expect(await sessionActor({ ...token, sub: randomUUID() }, headers)).toBeNull();
    expect(await sessionActor(null, headers)).toBeNull();

    await revokeSession(token.sid);
    expect(await sessionActor(token, headers)).toBeNull();

    const other = await signedInUser();
    await db().user.update({ where: { id: other.user.id }, data: { enabled: false } });
    expect(await sessionActor(other.token, headers)).toBeNull();
  });
});
