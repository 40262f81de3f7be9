// The capability answers pages show and services refuse by: the 403/404 rule, the stronger-user rule,
// built-in roles, one's own user, and others' API tokens.
import { describe, expect, it } from "vitest";
import { apiTokenVerdicts } from "../api-tokens/permissions";
import { roleCapabilities, roleVerdicts } from "../roles/permissions";
import { userCapabilities, userVerdicts } from "../users/permissions";
import type { Grant, Rights } from "./can";
import { rightVerdict } from "./capability";
import type { Access, ObjectType } from "./catalog";

const grant = (objectType: ObjectType, access: Access, objectId: string | null = null): Grant => ({
  objectType,
  access,
  objectId,
  source: { kind: "direct" },
});

const actorWith = (...rights: Grant[]) => ({ id: "actor", rights });

describe("rightVerdict", () => {
  it("hides a record the actor may not view, and refuses one they may view", () => {
    const rights: Rights = [grant("role", "view", "seen")];
    expect(rightVerdict(rights, "role", "view", "seen")).toBeNull();
    expect(rightVerdict(rights, "role", "modify", "seen")).toMatchObject({ kind: "right", hidden: false });
    expect(rightVerdict(rights, "role", "modify", "other")).toMatchObject({ kind: "right", hidden: true });
    // Creating or acting on the whole type is never hidden: the type is no secret.
    expect(rightVerdict(rights, "role", "create")).toMatchObject({ access: "create", hidden: false });
  });
});

describe("userCapabilities", () => {
  const target = { id: "target", logonName: "ada" };
  const editor = actorWith(grant("user", "view"), grant("user", "modify"), grant("user", "delete"));

  it("refuses every change to a user who holds a right the actor lacks, naming that right", () => {
    const stronger = { ...target, rights: [grant("audit", "view")] };
    expect(userCapabilities(editor, stronger)).toMatchObject({
      view: true,
      modify: false,
      delete: false,
      resetPassword: false,
      resetSecondFactor: false,
    });
    expect(userVerdicts(editor, stronger).resetPassword).toMatchObject({
      objectType: "audit",
      access: "view",
      detail: "Tried to reset the password of ada, who holds view on audit",
    });
    expect(userCapabilities(editor, { ...target, rights: [grant("user", "view")] })).toMatchObject({
      modify: true,
      delete: true,
    });
  });

  it("never offers deleting one's own user or resetting one's own second factor", () => {
    const self = { id: editor.id, rights: [] };
    expect(userVerdicts(editor, self).delete).toEqual({ kind: "state", message: "You cannot delete your own user." });
    expect(userCapabilities(editor, self)).toMatchObject({ modify: true, delete: false, resetSecondFactor: false });
  });

  it("assigns roles only with both modify and manage_rights on the user", () => {
    expect(userCapabilities(editor, target).assignRoles).toBe(false);
    expect(userCapabilities(actorWith(...editor.rights, grant("user", "manage_rights")), target).assignRoles).toBe(
      true,
    );
  });
});

describe("roleCapabilities", () => {
  it("refuses changing a built-in role as its state, not as a missing right", () => {
    const actor = actorWith(grant("role", "view"), grant("role", "modify"), grant("role", "delete"));
    expect(roleCapabilities(actor, { id: "r", builtIn: null })).toMatchObject({ modify: true, delete: true });
    expect(roleVerdicts(actor, { id: "r", builtIn: "operator" }).modify).toMatchObject({ kind: "state" });
    expect(roleCapabilities(actor, { id: "r", builtIn: "operator" })).toMatchObject({ modify: false, delete: false });
  });
});

describe("apiTokenVerdicts", () => {
  it("lets owners revoke their own tokens, and hides others' tokens from who may not view them", () => {
    const plain = actorWith();
    expect(apiTokenVerdicts(plain, { id: "t", userId: plain.id }).revoke).toBeNull();
    expect(apiTokenVerdicts(plain, { id: "t", userId: "someone" }).revoke).toMatchObject({ hidden: true });
    expect(apiTokenVerdicts(plain, { id: "t" }).revoke).toMatchObject({ hidden: true });
    const viewer = actorWith(grant("api_token", "view"));
    expect(apiTokenVerdicts(viewer, { id: "t", userId: "someone" }).revoke).toMatchObject({ hidden: false });
    expect(apiTokenVerdicts(viewer, { id: "t" }).revoke).toMatchObject({ hidden: true });
    expect(apiTokenVerdicts(actorWith(grant("api_token", "modify")), { id: "t", userId: "x" }).revoke).toBeNull();
  });
});
