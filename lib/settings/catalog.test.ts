import { describe, expect, it } from "vitest";
import { SETTINGS } from "./catalog";

describe("the Use Local Http Authentication help", () => {
  const help = SETTINGS.useLocalHttpAuthentication.help;

  it("names each type once, with the way its callers really authenticate", () => {
    expect(help).toContain(
      "sap365, twilio, social365, sinchsms and wavy callers authenticate with HTTP Basic as an enabled external user",
    );
    expect(help).toContain(
      "sinchconversation callbacks are checked against the signature made with the secret of the service's webhook entry",
    );
    expect(help).toContain("facebook and c4semail need no incoming authentication.");
    for (const type of [
      "facebook",
      "sap365",
      "twilio",
      "social365",
      "c4semail",
      "sinchconversation",
      "sinchsms",
      "wavy",
    ])
      expect(help.split(type).length - 1, type).toBe(1);
  });

  it("says that a webhook secret is checked even with the setting off", () => {
    expect(help).toMatch(/checked even when the setting is off/);
  });
});
