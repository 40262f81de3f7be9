// A role name with a NUL, sent as the role form's server action would receive it: the answer is a field
// message and nothing reaches the database (PostgreSQL cannot store NUL in text and would fail the save).
import { describe, expect, it } from "vitest";
import { actionWrapper } from "../actions/action-wrapper";
import type { Actor } from "../auth/actor";
import { bootstrapAdministrator, tableCounts } from "../testing/factories";
import { createRoleRequest } from "../testing/requests";
import { ZCreateRoleRequest, ZUpdateRoleRequest } from "./schemas";
import { createRole, updateRole } from "./service";

// The session comes from next-auth's cookie; here it is the administrator, read from the real database,
// who has already changed the first password (else every action asks for that first).
let signedIn: Actor | null = null;
const signedInAs = (actor: Actor) => {
  signedIn = { ...actor, mustChangePassword: false };
};
const defineAction = actionWrapper(async () => signedIn);

const createRoleAction = defineAction(ZCreateRoleRequest, createRole);
const updateRoleAction = defineAction(ZUpdateRoleRequest, updateRole);
const NUL_MESSAGE = "Remove the NUL character (U+0000): it cannot be stored.";

describe("role text with bad bytes", () => {
  it("answers a NUL in the name with a field message and writes nothing", async () => {
    signedInAs(await bootstrapAdministrator());
    const before = await tableCounts();

    const result = await createRoleAction({ name: "a\u0000b", description: "x\u0000y", rights: [] });

    expect(result).toEqual({
      ok: false,
      code: "invalid",
      formError: "Some fields need attention.",
      fieldErrors: { name: [NUL_MESSAGE], description: [NUL_MESSAGE] },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses control characters when a role is renamed, and leaves the role as it was", async () => {
    const admin = await bootstrapAdministrator();
    signedInAs(admin);
    const role = await createRole(admin, createRoleRequest());
    const before = await tableCounts();

    const result = await updateRoleAction({
      id: role.id,
      version: role.version,
      name: "Night\u0007shift",
      description: "",
      rights: [],
    });

    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["Remove the invisible control character (U+0007)."] },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("saves printable names of any script, so the guard refuses only what it should", async () => {
    signedInAs(await bootstrapAdministrator());
    const result = await createRoleAction({
      name: "Nachtschicht 夜班 😀",
      description: "Line one\n\tline two",
      rights: [],
    });
    expect(result).toMatchObject({ ok: true });
  });
});
