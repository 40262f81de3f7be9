import { describe, expect, it } from "vitest";
import { formatBasicAuth, parseBasicAuth } from "./basic-auth";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe("parseBasicAuth", () => {
  it.each([
    ["RFC 7617's example", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", { logonName: "Aladdin", password: "open sesame" }],
    ["a lower-case scheme", `basic ${b64("ext:pw")}`, { logonName: "ext", password: "pw" }],
    ["an upper-case scheme", `BASIC ${b64("ext:pw")}`, { logonName: "ext", password: "pw" }],
    ["several spaces and a tab", `Basic  \t${b64("ext:pw")}`, { logonName: "ext", password: "pw" }],
    ["surrounding whitespace", `  Basic ${b64("ext:pw")}  `, { logonName: "ext", password: "pw" }],
    ["colons in the password", `Basic ${b64("ext:a:b::c:")}`, { logonName: "ext", password: "a:b::c:" }],
    ["an empty password", `Basic ${b64("ext:")}`, { logonName: "ext", password: "" }],
    [
      "spaces inside the values",
      `Basic ${b64("ext user:pass word ")}`,
      { logonName: "ext user", password: "pass word " },
    ],
    ["UTF-8 (RFC 7617 §2.1 example)", "Basic dGVzdDoxMjPCow==", { logonName: "test", password: "123£" }],
    ["non-ASCII in both", `Basic ${b64("Jürgen:Pässwört☎𝄞")}`, { logonName: "Jürgen", password: "Pässwört☎𝄞" }],
    [
      "a logon name with @ and dots",
      `Basic ${b64("sinch.hook@acme:s3cr3t")}`,
      { logonName: "sinch.hook@acme", password: "s3cr3t" },
    ],
    ["missing padding", `Basic ${b64("ext:pw1").replace(/=+$/, "")}`, { logonName: "ext", password: "pw1" }],
  ])("reads %s", (_label, header, expected) => {
    expect(parseBasicAuth(header)).toEqual(expected);
  });

  it.each([
    ["no header", undefined],
    ["null", null],
    ["an empty header", ""],
    ["the scheme alone", "Basic"],
    ["the scheme and a space", "Basic "],
    ["another scheme", `Bearer ${b64("ext:pw")}`],
    ["a scheme glued to the token", `Basic${b64("ext:pw")}`],
    ["no colon", `Basic ${b64("extpw")}`],
    ["an empty logon name", `Basic ${b64(":pw")}`],
    ["two tokens", `Basic ${b64("ext:pw")} ${b64("x:y")}`],
    ["characters outside base64", "Basic ZXh0On!B3"],
    ["base64url characters", `Basic ${Buffer.from("ext:pw??>").toString("base64url")}`],
    ["too much padding", `Basic ${b64("ext:pw")}=`],
    ["padding in the middle", "Basic ZXh0=OnB3"],
    ["bad padding length", "Basic ZXh0OnB3eA="],
    ["non-canonical trailing bits", "Basic ZXh0OnB3eB=="],
    ["bytes that are not UTF-8 (Latin-1)", `Basic ${Buffer.from([0x4a, 0xfc, 0x3a, 0x70]).toString("base64")}`],
    ["a lone surrogate encoded as UTF-8", `Basic ${Buffer.from([0x61, 0x3a, 0xed, 0xa0, 0x80]).toString("base64")}`],
    ["a control character in the password", `Basic ${b64("ext:p\nw")}`],
    ["a NUL in the logon name", `Basic ${b64("ex\u0000t:pw")}`],
    ["DEL in the password", `Basic ${b64("ext:pw\u007f")}`],
    ["an oversized header", `Basic ${b64(`ext:${"x".repeat(4000)}`)}`],
  ])("refuses %s", (_label, header) => {
    expect(parseBasicAuth(header)).toBeNull();
  });

  it("never throws on arbitrary input", () => {
    const samples = [
      "Basic ====",
      "Basic =",
      "Basic A",
      "Basic AA",
      "Basic AAA",
      "Basic \u00ff\u00fe",
      "\u0000",
      "Basic 😀",
    ];
    for (const header of samples) expect(() => parseBasicAuth(header)).not.toThrow();
    expect(parseBasicAuth("Basic AA==")).toBeNull();
  });
});

describe("formatBasicAuth", () => {
  it("round-trips through parseBasicAuth, including colons and non-ASCII", () => {
    for (const credentials of [
      { logonName: "ext", password: "pw" },
      { logonName: "Jürgen", password: "a:b:c" },
      { logonName: "x", password: "" },
    ]) {
      expect(parseBasicAuth(formatBasicAuth(credentials))).toEqual(credentials);
    }
    expect(formatBasicAuth({ logonName: "Aladdin", password: "open sesame" })).toBe(
      "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
    );
  });
});
