import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES, type BuiltInRoleKey } from "./built-in-roles";
import { APPLICABLE_ACCESS, isApplicable, OBJECT_TYPES } from "./catalog";

const role = (key: BuiltInRoleKey) => BUILT_IN_ROLES.find((r) => r.key === key)!;
const keys = (key: BuiltInRoleKey) => role(key).rights.map((r) => `${r.objectType}:${r.access}`);

describe("built-in roles", () => {
  it("are the four roles, with distinct keys and names", () => {
    expect(BUILT_IN_ROLES.map((r) => r.key).sort()).toEqual(["administrator", "auditor", "integration", "operator"]);
    expect(new Set(BUILT_IN_ROLES.map((r) => r.name.toLowerCase())).size).toBe(4);
  });

  it("grant only rights on all objects, only accesses that apply to the type, each once", () => {
    for (const def of BUILT_IN_ROLES) {
      for (const right of def.rights) {
        expect(right.objectId ?? null, `${def.key} ${right.objectType}`).toBeNull();
        expect(isApplicable(right.objectType, right.access), `${def.key} ${right.objectType}:${right.access}`).toBe(
          true,
        );
      }
      expect(new Set(keys(def.key)).size).toBe(def.rights.length);
    }
  });

  it("give the administrator every applicable access on every type", () => {
    const expected = OBJECT_TYPES.flatMap((type) => APPLICABLE_ACCESS[type].map((access) => `${type}:${access}`));
    expect(keys("administrator").sort()).toEqual(expected.sort());
    expect(keys("administrator")).toContain("user:manage_rights");
    expect(keys("administrator")).toContain("audit:view");
  });

  it("let the operator view everything but the audit trail, and change only services and SMS channels", () => {
    const operator = keys("operator");
    expect(operator).not.toContain("audit:view");
    for (const type of OBJECT_TYPES.filter((t) => t !== "audit")) expect(operator).toContain(`${type}:view`);
    expect(operator.filter((k) => !k.endsWith(":view")).sort()).toEqual(
      ["messaging_service:create", "messaging_service:modify", "sms_channel:create", "sms_channel:modify"].sort(),
    );
    expect(operator.some((k) => k.endsWith(":delete") || k.endsWith(":manage_rights"))).toBe(false);
  });

  it("let the auditor view every type, the audit trail included, and nothing else", () => {
    expect(keys("auditor").sort()).toEqual(OBJECT_TYPES.map((t) => `${t}:view`).sort());
  });

  it("give integration only the use right on messaging services", () => {
    expect(keys("integration")).toEqual(["messaging_service:use"]);
  });
});

describe("catalog", () => {
  it("reserves use for messaging services and has view for every type", () => {
    for (const type of OBJECT_TYPES) {
      expect(isApplicable(type, "view")).toBe(true);
      expect(isApplicable(type, "use")).toBe(type === "messaging_service");
    }
    expect(isApplicable("audit", "modify")).toBe(false);
    expect(isApplicable("user", "manage_rights")).toBe(true);
    expect(isApplicable("messaging_service", "manage_rights")).toBe(false);
  });
});
