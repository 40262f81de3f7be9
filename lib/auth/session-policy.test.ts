import { describe, expect, it } from "vitest";
import { ABSOLUTE_SECONDS, IDLE_SECONDS, sessionExpired } from "./session-policy";

describe("sessionExpired", () => {
  const signedIn = 1_800_000_000;

  it("lasts eight hours after signing in, and not a second more", () => {
    expect(ABSOLUTE_SECONDS).toBe(8 * 3600);
    expect(IDLE_SECONDS).toBe(30 * 60);
    expect(sessionExpired(signedIn, signedIn + 60)).toBe(false);
    expect(sessionExpired(signedIn, signedIn + ABSOLUTE_SECONDS)).toBe(false);
    expect(sessionExpired(signedIn, signedIn + ABSOLUTE_SECONDS + 1)).toBe(true);
  });

  it("treats a session without a sign-in time as ended", () => {
    expect(sessionExpired(undefined, signedIn)).toBe(true);
  });
});
