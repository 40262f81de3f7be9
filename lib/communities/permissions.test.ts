// A community's capabilities: what a page offers is what the service allows, hidden or refused per record.
import { describe, expect, it } from "vitest";
import type { Grant } from "../rights/can";
import type { Access } from "../rights/catalog";
import { communityCapabilities, communityVerdicts } from "./permissions";

const grant = (access: Access, objectId: string | null = null): Grant => ({
  objectType: "community",
  access,
  objectId,
  source: { kind: "direct" },
});

describe("communityCapabilities", () => {
  it("lets who may view a community test tokens and preview mappings there, but change nothing", () => {
    const viewer = { id: "a", rights: [grant("view", "seen")] };
    expect(communityCapabilities(viewer, { id: "seen" })).toEqual({
      list: true,
      view: true,
      create: false,
      modify: false,
      delete: false,
      manageKeys: false,
      editExtraValues: false,
      testJwt: true,
      previewMapping: true,
    });
    expect(communityVerdicts(viewer, { id: "seen" }).manageKeys).toMatchObject({ access: "modify", hidden: false });
  });

  it("hides every community outside the actor's scope, whatever is asked", () => {
    const scoped = { id: "a", rights: [grant("view", "seen"), grant("modify", "seen")] };
    const verdicts = communityVerdicts(scoped, { id: "other" });
    for (const capability of ["view", "modify", "delete", "manageKeys", "editExtraValues", "testJwt"] as const)
      expect(verdicts[capability], capability).toMatchObject({ objectId: "other", hidden: true });
    // Creating is never hidden: it needs the right on every community.
    expect(communityVerdicts(scoped).create).toMatchObject({ access: "create", hidden: false });
  });

  it("shows no list to who may view no community", () => {
    expect(communityCapabilities({ id: "a", rights: [] }).list).toBe(false);
    expect(communityCapabilities({ id: "a", rights: [grant("view")] })).toMatchObject({ list: true, view: true });
  });
});
