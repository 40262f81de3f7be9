import { describe, expect, it } from "vitest";
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN, passwordProblem, ZNewPassword } from "./password-policy";

describe("ZNewPassword", () => {
  it("accepts 12 to 128 characters, of any kind", () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(PASSWORD_MAX).toBe(128);
    for (const password of ["a".repeat(12), "x".repeat(128), "correct horse battery", "ñandú-über-ĉiu-😀"]) {
      expect(ZNewPassword.safeParse(password).success, password).toBe(true);
    }
  });

  it("refuses 11 and 129 characters with a message that says the bound", () => {
    const short = ZNewPassword.safeParse("a".repeat(11));
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe("Use at least 12 characters.");
    const long = ZNewPassword.safeParse("a".repeat(129));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe("Use at most 128 characters.");
  });
});

describe("passwordProblem", () => {
  it("refuses common passwords whatever their case", async () => {
    expect(await isCommonPassword("qwerty123456")).toBe(true);
    expect(await isCommonPassword("QWERTY123456")).toBe(true);
    expect(await passwordProblem("qwerty123456")).toBe("This is one of the most common passwords. Choose another.");
    expect(await passwordProblem("Password1234")).toMatch(/most common passwords/);
  });

  it("refuses the logon name as the password, whatever its case", async () => {
    expect(await passwordProblem("Operator.Night", "operator.night")).toBe("The password cannot be the logon name.");
  });

  it("accepts an uncommon password that is not the logon name", async () => {
    expect(await isCommonPassword("violet-tugboat-sings-47")).toBe(false);
    expect(await passwordProblem("violet-tugboat-sings-47", "jdoe")).toBeNull();
  });
});
