import { describe, expect, it } from "vitest";
import { effectiveValue, optionValueProblem, SECRET_OPTIONS, SMS_OPTIONS, smsOption } from "./options";
import { ZSmsChannelFields } from "./schemas";

const fields = (options: Record<string, string> = {}, secrets: Record<string, unknown> = {}) =>
  ZSmsChannelFields.safeParse({ name: "opensmpp", options, secrets });

const errorsOf = (result: ReturnType<typeof fields>) =>
  result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));

describe("the SMS option registry", () => {
  it("describes every option completely, with its source", () => {
    for (const option of SMS_OPTIONS) {
      expect(option.description.length, option.name).toBeGreaterThan(10);
      expect(option.source, option.name).toMatch(/^(https:\/\/docs\.genesys\.com\/|Genesys Driver)/);
      expect(option.validValues, option.name).not.toBe("");
      if (option.default !== null) expect(optionValueProblem(option, option.default), option.name).toBeNull();
    }
  });

  it("keeps the seed's TLS options as the reference gives them", () => {
    expect(smsOption("x-smpp-tls-mode")).toMatchObject({ default: "off", takesEffect: "after-restart" });
    expect(smsOption("x-smpp-tls-mode").values?.map((v) => v.value)).toEqual(["off", "single", "mutual"]);
    expect(smsOption("x-smpp-tls-version").default).toBe("1.2");
    expect(smsOption("x-smpp-tls-path-to-certificate").default).toBeNull();
    expect(SECRET_OPTIONS).toEqual([
      "password",
      "x-smpp-tls-certificate-file-password",
      "x-smpp-tls-certificate-password",
    ]);
    expect(SMS_OPTIONS.every((o) => o.takesEffect === "after-restart")).toBe(true);
  });

  it("states each integer and enum option's valid values from its range or values, in the reference's words", () => {
    expect(smsOption("reconnection-timeout")).toMatchObject({
      validValues: "Any integer greater than or equal to 10",
      maxLength: 9,
    });
    expect(smsOption("x-smpp-response-max-waiting-time")).toMatchObject({
      validValues: "Integer 1000 - 180000",
      maxLength: 6,
    });
    expect(smsOption("x-smpp-tls-mode")).toMatchObject({ validValues: "off, single, mutual", maxLength: 6 });
    expect(optionValueProblem(smsOption("x-smpp-tls-version"), "1.2.1")).toBe("Use at most 3 characters.");
  });

  it("checks integer ranges at both ends", () => {
    const waiting = smsOption("x-smpp-response-max-waiting-time");
    expect(optionValueProblem(waiting, "999")).toBe("Enter a number 1000 to 180000.");
    expect(optionValueProblem(waiting, "1000")).toBeNull();
    expect(optionValueProblem(waiting, "180000")).toBeNull();
    expect(optionValueProblem(waiting, "180001")).toBe("Enter a number 1000 to 180000.");
    expect(optionValueProblem(waiting, "3e4")).toBe("Enter a whole number, 1000 to 180000.");
    const reconnect = smsOption("reconnection-timeout");
    expect(optionValueProblem(reconnect, "9")).toBe("Enter a number 10 or more.");
    expect(optionValueProblem(reconnect, "86400")).toBeNull();
    expect(optionValueProblem(smsOption("x-smpp-sar-max-segments"), "1")).toBe("Enter a number 2 to 255.");
    expect(optionValueProblem(smsOption("x-smpp-submit-window-size"), "1001")).toBe("Enter a number 1 to 1000.");
    expect(optionValueProblem(smsOption("x-smpp-submit-max-rate"), "-1")).toBe("Enter a whole number, 1 to 1000.");
  });

  it("gives the default when an option is not set", () => {
    expect(effectiveValue(smsOption("x-smpp-tls-version"), "")).toBe("1.2");
    expect(effectiveValue(smsOption("x-smpp-tls-version"), "1.1")).toBe("1.1");
    expect(effectiveValue(smsOption("x-smpp-tls-path-to-certificate"), undefined)).toBeNull();
  });
});

describe("the channel schema made from the registry", () => {
  it("accepts a channel with nothing set and fills every option as not set", () => {
    const result = fields();
    expect(result.success).toBe(true);
    expect(result.data?.options["x-smpp-tls-mode"]).toBe("");
    expect(result.data?.secrets.password).toEqual({ action: "keep" });
  });

  it("names the option in each field error", () => {
    const result = fields({ "reconnection-timeout": "5", "x-smpp-tls-mode": "on", "x-smpp-tls-version": "1.3" });
    expect(errorsOf(result)).toEqual({
      "options.reconnection-timeout": "Enter a number 10 or more.",
      "options.x-smpp-tls-mode": "Choose one of: off, single, mutual.",
      "options.x-smpp-tls-version": "Choose one of: 1.1, 1.2.",
    });
  });

  it("refuses channel names the section name cannot hold", () => {
    for (const name of ["open smpp", "sms.1", "kanal-ä", ""]) {
      expect(ZSmsChannelFields.safeParse({ name }).success, name).toBe(false);
    }
    expect(ZSmsChannelFields.safeParse({ name: "Open_SMPP-2" }).success).toBe(true);
  });

  it("refuses an empty secret and one longer than the driver takes", () => {
    const result = fields({}, { password: { action: "replace", value: "123456789" } });
    expect(errorsOf(result)).toEqual({ "secrets.password": "Use at most 8 characters." });
    expect(errorsOf(fields({}, { password: { action: "replace", value: "" } }))).toEqual({
      "secrets.password": "Enter a value (not an empty string), or clear it.",
    });
    expect(fields({}, { password: { action: "clear" } }).success).toBe(true);
  });

  it("refuses control characters in a text option", () => {
    expect(errorsOf(fields({ "x-smpp-tls-path-to-certificate": "/etc/a\u0007.p12" }))).toEqual({
      "options.x-smpp-tls-path-to-certificate": "Remove the invisible control character (U+0007).",
    });
  });
});
