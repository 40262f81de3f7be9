import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZSignInRequest } from "./schemas";

const fieldErrors = (input: unknown) => {
  const result = ZSignInRequest.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe("ZSignInRequest", () => {
  it("refuses NUL and control characters in the logon name and NUL in the password, on each field", () => {
    expect(fieldErrors({ logonName: "a\u0000b", password: "pass\u0000word" })).toEqual({
      logonName: ["Remove the NUL character (U+0000): it cannot be stored."],
      password: ["Remove the NUL character (U+0000): it cannot be stored."],
    });
    expect(fieldErrors({ logonName: "ada\u0008", password: "x" })).toEqual({
      logonName: ["Remove the invisible control character (U+0008)."],
    });
  });

  it("asks for both fields, trims the name and keeps the password as typed", () => {
    expect(fieldErrors({ logonName: " ", password: "" })).toEqual({
      logonName: ["Enter your logon name."],
      password: ["Enter your password."],
    });
    expect(ZSignInRequest.parse({ logonName: " ada ", password: " pässwörd " })).toEqual({
      logonName: "ada",
      password: " pässwörd ",
      code: "",
    });
  });

  it("takes the second factor's code as one trimmed line, and refuses control characters in it", () => {
    expect(ZSignInRequest.parse({ logonName: "ada", password: "pw", code: " 123 456 " }).code).toBe("123 456");
    expect(fieldErrors({ logonName: "ada", password: "pw", code: "12\u00003" })).toEqual({
      code: ["Remove the NUL character (U+0000): it cannot be stored."],
    });
  });
});
