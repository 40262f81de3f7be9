import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

describe("recovery codes", () => {
  it("are ten distinct codes of two groups of five unambiguous characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-hj-km-np-z2-9]{5}-[a-hj-km-np-z2-9]{5}$/);
  });

  it("hash the same whatever the case, spaces or dashes typed, and differ from code to code", () => {
    const [code, other] = newRecoveryCodes();
    expect(hashRecoveryCode(` ${code!.toUpperCase().replace("-", " ")} `)).toBe(hashRecoveryCode(code!));
    expect(hashRecoveryCode(code!)).not.toBe(hashRecoveryCode(other!));
    expect(hashRecoveryCode(code!)).not.toContain(code!.replace("-", ""));
  });

  it("tell a recovery code from a six-digit authenticator code", () => {
    expect(normalizeRecoveryCode("abcde-fghjk")).toBe("abcdefghjk");
    expect(normalizeRecoveryCode("123456")).toBeNull();
    expect(normalizeRecoveryCode("abcde-fghj!")).toBeNull();
  });
});
