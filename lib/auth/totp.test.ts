import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { newTotpSecret, normalizeTotpCode, TOTP_PERIOD, totpUri, verifyTotp } from "./totp";

const NOW = new Date("2026-03-01T10:00:10Z");
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const stepOf = (date: Date) => Math.floor(seconds(date) / TOTP_PERIOD);
const codeAt = (secret: string, date: Date) => generate({ secret, epoch: seconds(date), period: TOTP_PERIOD });
const shifted = (steps: number) => new Date(NOW.getTime() + steps * TOTP_PERIOD * 1000);

describe("verifyTotp", () => {
  const secret = newTotpSecret();

  it("accepts the current code and answers its time step", async () => {
    expect(await verifyTotp(secret, await codeAt(secret, NOW), { now: NOW })).toBe(stepOf(NOW));
  });

  it("accepts one step of drift either side, not two", async () => {
    expect(await verifyTotp(secret, await codeAt(secret, shifted(-1)), { now: NOW })).toBe(stepOf(NOW) - 1);
    expect(await verifyTotp(secret, await codeAt(secret, shifted(1)), { now: NOW })).toBe(stepOf(NOW) + 1);
    expect(await verifyTotp(secret, await codeAt(secret, shifted(-2)), { now: NOW })).toBeNull();
    expect(await verifyTotp(secret, await codeAt(secret, shifted(2)), { now: NOW })).toBeNull();
  });

  it("refuses a code whose step was already used, and any older one", async () => {
    const code = await codeAt(secret, NOW);
    const step = stepOf(NOW);
    expect(await verifyTotp(secret, code, { now: NOW, lastStep: step })).toBeNull();
    expect(await verifyTotp(secret, await codeAt(secret, shifted(-1)), { now: NOW, lastStep: step })).toBeNull();
    expect(await verifyTotp(secret, await codeAt(secret, shifted(1)), { now: NOW, lastStep: step })).toBe(step + 1);
    expect(await verifyTotp(secret, code, { now: NOW, lastStep: step - 1 })).toBe(step);
  });

  it("refuses another secret's code and anything that is not six digits", async () => {
    expect(await verifyTotp(secret, await codeAt(newTotpSecret(), NOW), { now: NOW })).toBeNull();
    for (const code of ["", "12345", "1234567", "abcdef", "12 34 5"]) {
      expect(await verifyTotp(secret, code, { now: NOW })).toBeNull();
    }
  });

  it("takes codes typed with spaces", async () => {
    const code = await codeAt(secret, NOW);
    expect(await verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)} `, { now: NOW })).toBe(stepOf(NOW));
    expect(normalizeTotpCode(" 123 456 ")).toBe("123456");
  });
});

describe("totpUri", () => {
  it("names the console and the user, and carries the secret", () => {
    const uri = new URL(totpUri("JBSWY3DPEHPK3PXP", "ada.lovelace"));
    expect(uri.protocol).toBe("otpauth:");
    expect(decodeURIComponent(uri.pathname)).toContain("Switchboard:ada.lovelace");
    expect(uri.searchParams.get("secret")).toBe("JBSWY3DPEHPK3PXP");
    expect(uri.searchParams.get("issuer")).toBe("Switchboard");
  });
});
