import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canAll, canOn, canSome, effectiveRights, type Grant, holdsRight, scopeOf, scopeWhere } from "./can";
import { ACCESSES, type Access, OBJECT_TYPES, type ObjectType } from "./catalog";

const USER_A = "00000000-0000-4000-8000-00000000000a";
const USER_B = "00000000-0000-4000-8000-00000000000b";

function grant(objectType: ObjectType, access: Access, objectId: string | null = null, roleName = "Role"): Grant {
  return { objectType, access, objectId, source: { kind: "role", roleId: `id-${roleName}`, roleName } };
}

function direct(objectType: ObjectType, access: Access, objectId: string | null = null): Grant {
  return { objectType, access, objectId, source: { kind: "direct" } };
}

describe("canAll", () => {
  it("needs a grant on every object of the type, with that access", () => {
    expect(canAll([grant("user", "view")], "user", "view")).toBe(true);
    expect(canAll([grant("user", "view", USER_A)], "user", "view")).toBe(false);
    expect(canAll([grant("user", "view")], "user", "modify")).toBe(false);
    expect(canAll([grant("role", "view")], "user", "view")).toBe(false);
    expect(canAll([], "user", "view")).toBe(false);
  });
});

describe("canSome", () => {
  it("is satisfied by a grant on one object or on all", () => {
    expect(canSome([grant("user", "view", USER_A)], "user", "view")).toBe(true);
    expect(canSome([grant("user", "view")], "user", "view")).toBe(true);
    expect(canSome([grant("user", "modify", USER_A)], "user", "view")).toBe(false);
    expect(canSome([grant("role", "view", USER_A)], "user", "view")).toBe(false);
  });
});

describe("canOn", () => {
  it("is satisfied by a grant on that object or on all objects of the type", () => {
    expect(canOn([grant("user", "modify", USER_A)], "user", "modify", USER_A)).toBe(true);
    expect(canOn([grant("user", "modify")], "user", "modify", USER_B)).toBe(true);
    expect(canOn([grant("user", "modify", USER_A)], "user", "modify", USER_B)).toBe(false);
    expect(canOn([grant("user", "view", USER_A)], "user", "modify", USER_A)).toBe(false);
    expect(canOn([grant("role", "modify", USER_A)], "user", "modify", USER_A)).toBe(false);
  });
});

describe("scopeOf", () => {
  it("is all when one grant covers every object", () => {
    const rights = [grant("user", "view", USER_A), grant("user", "view")];
    expect(scopeOf(rights, "user", "view")).toEqual({ all: true });
    expect(scopeWhere(scopeOf(rights, "user", "view"))).toEqual({});
  });

  it("lists each granted object once, ignoring other types and accesses", () => {
    const rights = [
      grant("user", "view", USER_A, "One"),
      grant("user", "view", USER_A, "Two"),
      grant("user", "view", USER_B),
      grant("user", "modify"),
      grant("role", "view"),
    ];
    const scope = scopeOf(rights, "user", "view");
    expect(scope).toEqual({ all: false, ids: [USER_A, USER_B] });
    expect(scopeWhere(scope)).toEqual({ id: { in: [USER_A, USER_B] } });
  });

  it("is empty without a grant, so a where built from it matches no row", () => {
    expect(scopeOf([], "user", "view")).toEqual({ all: false, ids: [] });
    expect(scopeWhere({ all: false, ids: [] })).toEqual({ id: { in: [] } });
  });
});

describe("holdsRight", () => {
  it("needs an all-objects grant to hand on an all-objects right", () => {
    expect(holdsRight([grant("user", "view")], { objectType: "user", access: "view" })).toBe(true);
    expect(holdsRight([grant("user", "view")], { objectType: "user", access: "view", objectId: null })).toBe(true);
    expect(holdsRight([grant("user", "view", USER_A)], { objectType: "user", access: "view" })).toBe(false);
  });

  it("accepts a grant on that object or on all to hand on a one-object right", () => {
    const right = { objectType: "user", access: "view", objectId: USER_A } as const;
    expect(holdsRight([grant("user", "view", USER_A)], right)).toBe(true);
    expect(holdsRight([grant("user", "view")], right)).toBe(true);
    expect(holdsRight([grant("user", "view", USER_B)], right)).toBe(false);
    expect(holdsRight([grant("audit", "view")], { objectType: "audit", access: "view" })).toBe(true);
    expect(holdsRight([grant("user", "view")], { objectType: "audit", access: "view" })).toBe(false);
  });
});

describe("effectiveRights", () => {
  it("merges the same right from several roles into one row naming each role once", () => {
    const rows = effectiveRights([
      grant("user", "view", null, "Auditor"),
      grant("user", "view", null, "Operator"),
      grant("user", "view", null, "Operator"),
      grant("user", "view", USER_A, "Helpdesk"),
      grant("role", "view", null, "Auditor"),
    ]);
    expect(rows).toEqual([
      { objectType: "user", access: "view", objectId: null, roles: ["Auditor", "Operator"], direct: false },
      { objectType: "user", access: "view", objectId: USER_A, roles: ["Helpdesk"], direct: false },
      { objectType: "role", access: "view", objectId: null, roles: ["Auditor"], direct: false },
    ]);
  });

  it("lists rows in the editor's order, so a direct grant sits with the same type's role grants", () => {
    const rows = effectiveRights([
      grant("messaging_service", "view", null, "Desk"),
      grant("user", "view", null, "Desk"),
      direct("role", "view"),
      direct("messaging_service", "modify", USER_A),
      grant("messaging_service", "modify", null, "Desk"),
    ]);
    expect(rows.map((r) => `${r.objectType} ${r.access} ${r.objectId ?? "all"}`)).toEqual([
      "messaging_service view all",
      "messaging_service modify all",
      `messaging_service modify ${USER_A}`,
      "user view all",
      "role view all",
    ]);
  });

  it("says when a right is held directly, alone or besides roles", () => {
    const rows = effectiveRights([
      direct("messaging_service", "use", USER_A),
      grant("user", "view", null, "Auditor"),
      direct("user", "view"),
    ]);
    expect(rows).toEqual([
      { objectType: "messaging_service", access: "use", objectId: USER_A, roles: [], direct: true },
      { objectType: "user", access: "view", objectId: null, roles: ["Auditor"], direct: true },
    ]);
  });

  it("treats a direct grant like a role's when deciding", () => {
    expect(canOn([direct("messaging_service", "use", USER_A)], "messaging_service", "use", USER_A)).toBe(true);
    expect(canAll([direct("messaging_service", "use", USER_A)], "messaging_service", "use")).toBe(false);
  });

  it("is empty without grants", () => {
    expect(effectiveRights([])).toEqual([]);
  });
});

const grantArb = fc.record({
  objectType: fc.constantFrom(...OBJECT_TYPES),
  access: fc.constantFrom(...ACCESSES),
  objectId: fc.option(fc.constantFrom(USER_A, USER_B), { nil: null }),
  source: fc.oneof(
    fc.record({
      kind: fc.constant("role" as const),
      roleId: fc.constant("r"),
      roleName: fc.constantFrom("One", "Two"),
    }),
    fc.constant({ kind: "direct" as const }),
  ),
});

describe("properties", () => {
  it("canAll implies canOn on any object, and canOn implies canSome", () => {
    fc.assert(
      fc.property(
        fc.array(grantArb, { maxLength: 8 }),
        fc.constantFrom(...OBJECT_TYPES),
        fc.constantFrom(...ACCESSES),
        fc.constantFrom(USER_A, USER_B),
        (rights, objectType, access, id) => {
          if (canAll(rights, objectType, access)) expect(canOn(rights, objectType, access, id)).toBe(true);
          if (canOn(rights, objectType, access, id)) expect(canSome(rights, objectType, access)).toBe(true);
          const scope = scopeOf(rights, objectType, access);
          // The scope reaches exactly the objects canOn allows.
          expect(scope.all || scope.ids.includes(id)).toBe(canOn(rights, objectType, access, id));
        },
      ),
    );
  });

  it("effectiveRights has one row per distinct right and loses none", () => {
    fc.assert(
      fc.property(fc.array(grantArb, { maxLength: 12 }), (rights) => {
        const rows = effectiveRights(rights);
        const keys = rows.map((r) => `${r.objectType}:${r.access}:${r.objectId}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(keys)).toEqual(new Set(rights.map((g) => `${g.objectType}:${g.access}:${g.objectId}`)));
      }),
    );
  });
});
