import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APPLICABLE_ACCESS, OBJECT_TYPES } from "../rights/catalog";
import { ZCreateRoleRequest, ZRight, ZUpdateRoleRequest } from "./schemas";

const USER_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const ROLE_ID = "3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f";

const goodRole = {
  name: "Night shift",
  description: "Watches the services at night.",
  rights: [
    { objectType: "messaging_service", access: "view", objectId: null },
    { objectType: "user", access: "modify", objectId: USER_ID },
  ],
} as const;

function refused(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("Expected the input to be refused");
  return result.error;
}

describe("ZRight", () => {
  it("accepts every applicable access on every type, on all objects or one", () => {
    for (const objectType of OBJECT_TYPES) {
      for (const access of APPLICABLE_ACCESS[objectType]) {
        expect(ZRight.safeParse({ objectType, access, objectId: null }).success, `${objectType}:${access}`).toBe(true);
        expect(ZRight.safeParse({ objectType, access, objectId: USER_ID }).success).toBe(true);
      }
    }
  });

  it("refuses an access that does not apply to the type", () => {
    for (const [objectType, access] of [
      ["audit", "modify"],
      ["user", "use"],
      ["community", "manage_rights"],
      ["settings", "delete"],
    ]) {
      expect(refused(ZRight, { objectType, access, objectId: null }).issues[0]?.message).toBe(
        "This access does not apply to this object type.",
      );
    }
  });

  it("refuses unknown types and accesses, a bad object id, and a missing objectId", () => {
    expect(refused(ZRight, { objectType: "printer", access: "view", objectId: null }).issues[0]?.path).toEqual([
      "objectType",
    ]);
    expect(refused(ZRight, { objectType: "user", access: "own", objectId: null }).issues[0]?.path).toEqual(["access"]);
    expect(refused(ZRight, { objectType: "user", access: "view", objectId: "42" }).issues[0]?.path).toEqual([
      "objectId",
    ]);
    expect(refused(ZRight, { objectType: "user", access: "view" }).issues[0]?.path).toEqual(["objectId"]);
  });
});

describe("ZCreateRoleRequest", () => {
  it("accepts a role, trims its name and description", () => {
    const parsed = ZCreateRoleRequest.parse({ ...goodRole, name: "  Night shift ", description: " x " });
    expect(parsed.name).toBe("Night shift");
    expect(parsed.description).toBe("x");
    expect(ZCreateRoleRequest.safeParse({ ...goodRole, description: "", rights: [] }).success).toBe(true);
  });

  it("returns every problem at once, each right's under rights with its index", () => {
    const error = refused(ZCreateRoleRequest, {
      name: " ",
      description: "d".repeat(501),
      rights: [
        { objectType: "audit", access: "delete", objectId: null },
        { objectType: "user", access: "view", objectId: null },
        { objectType: "role", access: "view", objectId: "not-an-id" },
      ],
    });
    expect(z.flattenError(error).fieldErrors).toEqual({
      name: ["Enter a name."],
      description: ["Use at most 500 characters."],
      rights: ["This access does not apply to this object type.", "Not a valid identifier."],
    });
    expect(error.issues.map((i) => i.path)).toEqual([
      ["name"],
      ["description"],
      ["rights", 0],
      ["rights", 2, "objectId"],
    ]);
  });

  it("bounds the name at 80 characters and the rights at 500", () => {
    expect(z.flattenError(refused(ZCreateRoleRequest, { ...goodRole, name: "n".repeat(81) })).fieldErrors).toEqual({
      name: ["Use at most 80 characters."],
    });
    expect(ZCreateRoleRequest.safeParse({ ...goodRole, name: "n".repeat(80) }).success).toBe(true);
    const many = Array.from({ length: 501 }, () => goodRole.rights[0]);
    expect(z.flattenError(refused(ZCreateRoleRequest, { ...goodRole, rights: many })).fieldErrors).toHaveProperty(
      "rights",
    );
  });
});

describe("ZUpdateRoleRequest", () => {
  it("needs the role's id and version besides its fields", () => {
    expect(ZUpdateRoleRequest.safeParse({ ...goodRole, id: ROLE_ID, version: 1 }).success).toBe(true);
    expect(Object.keys(z.flattenError(refused(ZUpdateRoleRequest, goodRole)).fieldErrors).sort()).toEqual([
      "id",
      "version",
    ]);
  });
});

describe("bad bytes", () => {
  it("refuses NUL and control characters in the name, with a field message", () => {
    for (const [name, message] of [
      ["a\u0000b", "Remove the NUL character (U+0000): it cannot be stored."],
      ["Night\u0007shift", "Remove the invisible control character (U+0007)."],
      ["Night\nshift", "Use a single line, without line breaks."],
      ["Night \uDC00shift", "Remove the broken character (an unpaired UTF-16 surrogate)."],
    ]) {
      const error = refused(ZCreateRoleRequest, { ...goodRole, name });
      expect(z.flattenError(error).fieldErrors, JSON.stringify(name)).toEqual({ name: [message] });
    }
  });

  it("refuses every control character but tab and line breaks anywhere in a description", () => {
    const control = fc
      .integer({ min: 0, max: 0x9f })
      .filter((c) => (c < 0x20 || c >= 0x7f) && ![0x09, 0x0a, 0x0d].includes(c));
    fc.assert(
      fc.property(control, fc.nat(), (code, at) => {
        const index = at % (goodRole.description.length + 1);
        const description = `${goodRole.description.slice(0, index)}${String.fromCharCode(code)}${goodRole.description.slice(index)}`;
        if (description.trim() === goodRole.description) return;
        const error = refused(ZCreateRoleRequest, { ...goodRole, description });
        expect(Object.keys(z.flattenError(error).fieldErrors)).toEqual(["description"]);
      }),
    );
  });

  it("keeps line breaks and tabs in the description, but not NUL", () => {
    const description = "Watches the services at night.\n\tAlso on Sundays.";
    expect(ZCreateRoleRequest.parse({ ...goodRole, description }).description).toBe(description);
    const error = refused(ZUpdateRoleRequest, { ...goodRole, id: ROLE_ID, version: 1, description: "a\u0000b" });
    expect(z.flattenError(error).fieldErrors).toEqual({
      description: ["Remove the NUL character (U+0000): it cannot be stored."],
    });
  });
});
