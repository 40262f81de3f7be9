// An SMS channel's capabilities: what a page offers is what the service allows, hidden or refused per channel.
import { describe, expect, it } from "vitest";
import type { Grant } from "../rights/can";
import type { Access } from "../rights/catalog";
import { smsChannelCapabilities, smsChannelVerdicts } from "./permissions";

const grant = (access: Access, objectId: string | null = null): Grant => ({
  objectType: "sms_channel",
  access,
  objectId,
  source: { kind: "direct" },
});

describe("smsChannelCapabilities", () => {
  it("lets who may view a channel check its key store and export it, but not restart, upload or change it", () => {
    const viewer = { id: "a", rights: [grant("view", "seen")] };
    expect(smsChannelCapabilities(viewer, { id: "seen" })).toEqual({
      list: true,
      view: true,
      create: false,
      modify: false,
      delete: false,
      markRestarted: false,
      uploadKeystore: false,
      checkKeystore: true,
      export: true,
      exportSecrets: false,
    });
  });

  it("hides a channel outside the actor's scope (404), and refuses one seen (403)", () => {
    const operator = { id: "a", rights: [grant("view", "seen")] };
    expect(smsChannelVerdicts(operator, { id: "other" }).markRestarted).toMatchObject({
      access: "modify",
      objectId: "other",
      hidden: true,
    });
    expect(smsChannelVerdicts(operator, { id: "other" }).export).toMatchObject({ access: "view", hidden: true });
    expect(smsChannelVerdicts(operator, { id: "seen" }).uploadKeystore).toMatchObject({
      access: "modify",
      hidden: false,
    });
  });

  it("exports all channels one may view with a right on some of them, and none without any", () => {
    expect(smsChannelCapabilities({ id: "a", rights: [grant("view", "seen")] }).export).toBe(true);
    expect(smsChannelVerdicts({ id: "a", rights: [] }).export).toMatchObject({ access: "view", hidden: false });
  });

  it("exports secrets only with export_secrets: on the channel named, or on some channel for an export of all", () => {
    const holder = { id: "a", rights: [grant("view"), grant("export_secrets", "one")] };
    expect(smsChannelCapabilities(holder, { id: "one" }).exportSecrets).toBe(true);
    expect(smsChannelVerdicts(holder, { id: "two" }).exportSecrets).toMatchObject({
      access: "export_secrets",
      objectId: "two",
      hidden: false,
    });
    expect(smsChannelCapabilities(holder).exportSecrets).toBe(true);
    expect(smsChannelVerdicts({ id: "b", rights: [grant("view")] }).exportSecrets).toMatchObject({
      access: "export_secrets",
      hidden: false,
    });
  });
});
