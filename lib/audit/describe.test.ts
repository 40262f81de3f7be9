import { describe, expect, it } from "vitest";
import { describeChanges, rightLabel, rightObjectIds } from "./describe";
import { wordsOfKey } from "./field-labels";

const USER_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const text = (lines: { label: string; text: string }[]) => lines.map((l) => `${l.label}: ${l.text}`);

describe("describeChanges", () => {
  it("names a service's credential changes in sentences, never as JSON", () => {
    const lines = describeChanges({
      action: "modify",
      objectType: "messaging_service",
      changes: {
        name: { from: "Sinch", to: "Sinch EU" },
        credentials: { from: null, to: { webhook: "secret replaced", AC0123: "added", old: "removed" } },
      },
    });
    expect(text(lines)).toEqual([
      "Name: Sinch → Sinch EU",
      "Authentication entry webhook: secret replaced",
      "Authentication entry AC0123: added",
      "Authentication entry old: removed",
    ]);
    expect(lines.some((l) => l.text.includes("{"))).toBe(false);
  });

  it("names a community's JWT key changes and its mapping changes in sentences", () => {
    const lines = describeChanges({
      action: "modify",
      objectType: "community",
      changes: {
        jwtKeys: { from: null, to: { web_2027: "added (HMAC SHA256)", web_2026: "removed" } },
        extraValueMappings: { from: ["crm_id → custom:customer_id"], to: ["UUID → identity:notes"] },
      },
    });
    expect(text(lines)).toEqual([
      "JWT key web_2027: added (HMAC SHA256)",
      "JWT key web_2026: removed",
      "Extra value mappings: added UUID → identity:notes; removed crm_id → custom:customer_id",
    ]);
  });

  it("lists what a new object was created with, in its form's order, without empty fields", () => {
    const lines = describeChanges({
      action: "create",
      objectType: "messaging_service",
      changes: {
        serviceConnection: { from: null, to: "https://api.twilio.com/x" },
        type: { from: null, to: "sinchconversation" },
        name: { from: null, to: "Sinch WhatsApp" },
        credentials: { from: null, to: { webhook: "added" } },
      },
    });
    expect(text(lines)).toEqual([
      "Name: Sinch WhatsApp",
      "Type: Sinch Conversation API",
      "Service Connection: https://api.twilio.com/x",
      "Authentication entry webhook: added",
    ]);
    expect(
      text(
        describeChanges({
          action: "create",
          objectType: "role",
          changes: { name: { from: null, to: "Night" }, description: { from: null, to: "" } },
        }),
      ),
    ).toEqual(["Name: Night"]);
  });

  it("lists what a deleted object had, credentials included", () => {
    const lines = describeChanges({
      action: "delete",
      objectType: "messaging_service",
      changes: { name: { from: "Wavy BR", to: null }, credentials: { from: ["wavy-user"], to: null } },
    });
    expect(text(lines)).toEqual(["Name: Wavy BR", "Authentication entries: wavy-user"]);
  });

  it("uses the form's labels and words for users, secrets only as what happened to them", () => {
    const lines = describeChanges({
      action: "modify",
      objectType: "user",
      changes: {
        lastName: { from: "Doe", to: "Doe-Smith" },
        enabled: { from: true, to: false },
        email: { from: "jane@example.com", to: null },
        logonName: { from: "jdoe", to: "jane" },
        roles: { from: ["Operator", "Auditor"], to: ["Auditor", "Night shift"] },
        password: "changed",
      },
    });
    expect(text(lines)).toEqual([
      "Logon name: jdoe → jane",
      "Last name: Doe → Doe-Smith",
      "E-mail: jane@example.com → (empty)",
      "Enabled: yes → no",
      "Roles: added Night shift; removed Operator",
      "Password: changed",
    ]);
    expect(
      text(
        describeChanges({ action: "create", objectType: "user", changes: { kind: { from: null, to: "external" } } }),
      ),
    ).toEqual(["Kind: External user"]);
  });

  it("reads settings by their label, on and off", () => {
    const lines = describeChanges({
      action: "modify",
      objectType: "settings",
      changes: { useLocalHttpAuthentication: { from: true, to: false } },
    });
    expect(text(lines)).toEqual(["Use Local Http Authentication: on → off"]);
  });

  it("reads rights in words, with the names of the objects they are limited to", () => {
    const names = new Map([[USER_ID, "jdoe"]]);
    const lines = describeChanges(
      {
        action: "modify",
        objectType: "role",
        changes: {
          rights: { from: ["user:view:*"], to: ["messaging_service:view:*", `user:modify:${USER_ID}`] },
        },
      },
      names,
    );
    expect(text(lines)).toEqual([
      "Rights: added View on all messaging services, Modify on user jdoe; removed View on all users",
    ]);
  });

  it("still shows a field no label table knows yet, in words made from its key", () => {
    expect(
      text(
        describeChanges({
          action: "modify",
          objectType: "user",
          changes: { totpEnabledAt: { from: null, to: "2026-11-25" } },
        }),
      ),
    ).toEqual(["Totp enabled at: (empty) → 2026-11-25"]);
    expect(describeChanges({ action: "modify", objectType: null, changes: null })).toEqual([]);
  });
});

describe("rightLabel and rightObjectIds", () => {
  it("names all objects of a type, or one object, or says it is gone", () => {
    expect(rightLabel("audit:view:*", new Map())).toBe("View on audit trail");
    expect(rightLabel("settings:modify:*", new Map())).toBe("Modify on settings");
    expect(rightLabel(`user:manage_rights:${USER_ID}`, new Map())).toBe("Manage rights on user (deleted)");
  });

  it("finds the ids rights are limited to, on both sides", () => {
    expect(
      rightObjectIds({ rights: { from: [`user:view:${USER_ID}`, "role:view:*"], to: ["role:view:abc"] } }),
    ).toEqual([USER_ID, "abc"]);
    expect(rightObjectIds({ name: { from: "a", to: "b" } })).toEqual([]);
  });
});

describe("wordsOfKey", () => {
  it("turns camelCase and snake_case keys into words", () => {
    expect(wordsOfKey("useLocalHttpAuthentication")).toBe("Use local http authentication");
    expect(wordsOfKey("allowed_internal_hosts")).toBe("Allowed internal hosts");
  });
});
