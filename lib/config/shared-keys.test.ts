import { describe, expect, it } from "vitest";
import { sharedKeysNotice, unsetSharedKeys } from "./shared-keys";

describe("shared keys", () => {
  it("names each key variable that is missing or blank", () => {
    expect(unsetSharedKeys({})).toEqual(["NEXTAUTH_SECRET", "SWITCHBOARD_SECRET_KEY"]);
    expect(unsetSharedKeys({ NEXTAUTH_SECRET: "a", SWITCHBOARD_SECRET_KEY: "  " })).toEqual(["SWITCHBOARD_SECRET_KEY"]);
    expect(unsetSharedKeys({ NEXTAUTH_SECRET: "a", SWITCHBOARD_SECRET_KEY: "b" })).toEqual([]);
  });

  it("says nothing when both are set, and never repeats a key's value", () => {
    expect(sharedKeysNotice({ NEXTAUTH_SECRET: "session-key-value", SWITCHBOARD_SECRET_KEY: "b" })).toBeNull();
    const notice = sharedKeysNotice({ NEXTAUTH_SECRET: "session-key-value" });
    expect(notice).toMatch(/SWITCHBOARD_SECRET_KEY is not set/);
    expect(notice).not.toContain("session-key-value");
    expect(sharedKeysNotice({})).toMatch(/NEXTAUTH_SECRET and SWITCHBOARD_SECRET_KEY are not set/);
  });
});
