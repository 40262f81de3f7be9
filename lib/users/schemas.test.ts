import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ZChangeOwnPasswordRequest,
  ZCreateUserRequest,
  ZDeleteRequest,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUserListFilter,
} from "./schemas";

const ROLE_ID = "3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f";
const USER_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

const goodCreate = {
  firstName: "Ada",
  lastName: "Lovelace",
  logonName: "ada.lovelace@example",
  email: "ada@example.com",
  enabled: true,
  roleIds: [ROLE_ID],
  kind: "console",
  password: "violet-tugboat-sings-47",
  confirmPassword: "violet-tugboat-sings-47",
} as const;

/** The field errors the action wrapper would return. */
function fieldErrors(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("Expected the input to be refused");
  return z.flattenError(result.error).fieldErrors as Record<string, string[]>;
}

describe("ZCreateUserRequest", () => {
  it("accepts a complete user and trims the names", () => {
    const parsed = ZCreateUserRequest.parse({ ...goodCreate, firstName: "  Ada ", logonName: " ada " });
    expect(parsed.firstName).toBe("Ada");
    expect(parsed.logonName).toBe("ada");
  });

  it("accepts an empty e-mail, no roles, and an external user", () => {
    expect(ZCreateUserRequest.safeParse({ ...goodCreate, email: "", roleIds: [], kind: "external" }).success).toBe(
      true,
    );
  });

  it("returns every field's error at once, not only the first", () => {
    const errors = fieldErrors(ZCreateUserRequest, {
      firstName: " ",
      lastName: "",
      logonName: "ada lovelace",
      email: "not-an-address",
      enabled: true,
      roleIds: ["not-a-uuid"],
      kind: "console",
      password: "short",
      confirmPassword: "different",
    });
    expect(errors).toEqual({
      firstName: ["Enter a first name."],
      lastName: ["Enter a last name."],
      logonName: ["Use letters, digits and . _ @ - only, without spaces."],
      email: ["Enter a valid e-mail address, or leave it empty."],
      roleIds: ["Not a valid identifier."],
      password: ["Use at least 12 characters."],
      confirmPassword: ["The passwords do not match."],
    });
  });

  it("refuses a kind other than console or external", () => {
    expect(Object.keys(fieldErrors(ZCreateUserRequest, { ...goodCreate, kind: "robot" }))).toEqual(["kind"]);
  });

  it("refuses passwords that do not match, on the confirmation field", () => {
    expect(fieldErrors(ZCreateUserRequest, { ...goodCreate, confirmPassword: "violet-tugboat-sings-48" })).toEqual({
      confirmPassword: ["The passwords do not match."],
    });
  });

  it("bounds the lengths of names, logon name and password", () => {
    expect(
      fieldErrors(ZCreateUserRequest, {
        ...goodCreate,
        firstName: "a".repeat(101),
        logonName: "a".repeat(65),
        password: "p".repeat(129),
        confirmPassword: "p".repeat(129),
      }),
    ).toEqual({
      firstName: ["Use at most 100 characters."],
      logonName: ["Use at most 64 characters."],
      password: ["Use at most 128 characters."],
    });
    expect(ZCreateUserRequest.safeParse({ ...goodCreate, firstName: "a".repeat(100) }).success).toBe(true);
    expect(ZCreateUserRequest.safeParse({ ...goodCreate, logonName: "a".repeat(64) }).success).toBe(true);
  });

  it("refuses missing fields rather than defaulting them", () => {
    const errors = fieldErrors(ZCreateUserRequest, {});
    for (const field of ["firstName", "lastName", "logonName", "email", "enabled", "roleIds", "kind", "password"]) {
      expect(errors[field], field).toBeDefined();
    }
  });
});

describe("ZUpdateUserRequest", () => {
  const goodUpdate = { ...goodCreate, id: USER_ID, version: 3 };

  it("accepts a user with id and version, and ignores a password if one is sent", () => {
    const parsed = ZUpdateUserRequest.parse(goodUpdate);
    expect(parsed).not.toHaveProperty("password");
    expect(parsed.version).toBe(3);
  });

  it("needs a valid id and a positive whole version", () => {
    expect(fieldErrors(ZUpdateUserRequest, { ...goodUpdate, id: "1", version: 0 })).toEqual({
      id: ["Not a valid identifier."],
      version: [expect.any(String)],
    });
    expect(fieldErrors(ZUpdateUserRequest, { ...goodUpdate, version: 1.5 })).toHaveProperty("version");
    expect(fieldErrors(ZUpdateUserRequest, { ...goodUpdate, version: "2" })).toHaveProperty("version");
  });
});

describe("password requests", () => {
  it("ZResetPasswordRequest checks length and confirmation together", () => {
    expect(
      fieldErrors(ZResetPasswordRequest, { id: USER_ID, version: 1, password: "short", confirmPassword: "x" }),
    ).toEqual({ password: ["Use at least 12 characters."], confirmPassword: ["The passwords do not match."] });
    expect(
      ZResetPasswordRequest.safeParse({
        id: USER_ID,
        version: 1,
        password: "violet-tugboat-sings-47",
        confirmPassword: "violet-tugboat-sings-47",
      }).success,
    ).toBe(true);
  });

  it("ZChangeOwnPasswordRequest needs the current password and a matching new one", () => {
    expect(
      fieldErrors(ZChangeOwnPasswordRequest, { currentPassword: "", newPassword: "short", confirmPassword: "x" }),
    ).toEqual({
      currentPassword: ["Enter your current password."],
      newPassword: ["Use at least 12 characters."],
      confirmPassword: ["The passwords do not match."],
    });
    expect(
      ZChangeOwnPasswordRequest.safeParse({
        currentPassword: "anything",
        newPassword: "violet-tugboat-sings-47",
        confirmPassword: "violet-tugboat-sings-47",
      }).success,
    ).toBe(true);
  });

  it("ZDeleteRequest needs an id and a version", () => {
    expect(ZDeleteRequest.safeParse({ id: USER_ID, version: 1 }).success).toBe(true);
    expect(Object.keys(fieldErrors(ZDeleteRequest, {})).sort()).toEqual(["id", "version"]);
  });
});

describe("ZUserListFilter", () => {
  it("keeps a known kind and drops anything else", () => {
    expect(ZUserListFilter.parse({ kind: "external", page: "2" })).toMatchObject({ kind: "external", page: 2 });
    expect(ZUserListFilter.parse({ kind: ["external", "console"] }).kind).toBeUndefined();
    expect(ZUserListFilter.parse({ kind: "admin" }).kind).toBeUndefined();
  });
});

describe("bad bytes", () => {
  const NUL = "Remove the NUL character (U+0000): it cannot be stored.";

  it("refuses NUL and control characters in every name, with a message on each field", () => {
    expect(
      fieldErrors(ZCreateUserRequest, {
        ...goodCreate,
        firstName: "A\u0000da",
        lastName: "Love\u0085lace",
        logonName: "ada\u0000",
        email: "ada\u0000@example.com",
      }),
    ).toMatchObject({
      email: ["Enter a valid e-mail address, or leave it empty."],
      firstName: [NUL],
      lastName: ["Remove the invisible control character (U+0085)."],
      logonName: expect.arrayContaining([NUL]),
    });
    expect(fieldErrors(ZUpdateUserRequest, { ...goodCreate, id: USER_ID, version: 1, firstName: "A\u001bda" })).toEqual(
      { firstName: ["Remove the invisible control character (U+001B)."] },
    );
  });

  it("refuses NUL and broken UTF-16 in passwords, and accepts any other printable character", () => {
    const nul = "violet-tugboat\u0000sings-47";
    expect(fieldErrors(ZCreateUserRequest, { ...goodCreate, password: nul, confirmPassword: nul })).toMatchObject({
      password: [NUL],
      confirmPassword: [NUL],
    });
    expect(
      fieldErrors(ZChangeOwnPasswordRequest, {
        currentPassword: "old\u0000one",
        newPassword: "violet-tugboat-\uD800-47",
        confirmPassword: "violet-tugboat-\uD800-47",
      }),
    ).toMatchObject({
      currentPassword: [NUL],
      newPassword: ["Remove the broken character (an unpaired UTF-16 surrogate)."],
    });
    const unusual = " Ünïcödé пароль 密码 \t😀 ";
    expect(ZCreateUserRequest.safeParse({ ...goodCreate, password: unusual, confirmPassword: unusual }).success).toBe(
      true,
    );
  });

  it("refuses any NUL, C0, DEL or C1 character anywhere in any name field, on that field only", () => {
    const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f);
    fc.assert(
      fc.property(fc.constantFrom("firstName", "lastName", "logonName"), control, fc.nat(), (field, code, at) => {
        const value = goodCreate[field];
        const index = at % (value.length + 1);
        const bad = `${value.slice(0, index)}${String.fromCharCode(code)}${value.slice(index)}`;
        // At either end a space-like control is trimmed away; inside the text it must be refused.
        if (bad.trim() === value) return;
        expect(Object.keys(fieldErrors(ZCreateUserRequest, { ...goodCreate, [field]: bad }))).toEqual([field]);
      }),
    );
  });

  it("drops a list search with control characters instead of passing it to the database", () => {
    expect(ZUserListFilter.parse({ q: "a\u0000b" }).q).toBeUndefined();
    expect(ZUserListFilter.parse({ q: "ada" }).q).toBe("ada");
  });
});
