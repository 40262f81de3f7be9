// Reading the driver's CFG and CSV: what the export writes reads back, other sections are ignored,
// secret options go to secrets, and syntax errors fail the file with the line named.
import { describe, expect, it } from "vitest";
import { parseCfg, parseCsv } from "./driver-format";
import { toCfg, toCsv } from "./export";

const channels: { name: string; options: Record<string, string> }[] = [
  { name: "main", options: { "reconnection-timeout": "60", "x-smpp-tls-mode": "single" } },
  { name: "backup", options: { "x-smpp-submit-max-rate": "20" } },
];

describe("the driver's formats read back", () => {
  it("reads what the export writes, in CFG and CSV", () => {
    expect(parseCfg(toCfg(channels))).toEqual(channels);
    expect(parseCsv(toCsv(channels))).toEqual(channels);
  });

  it("ignores other sections and comments, and takes a secret option as a secret", () => {
    const text = "[log]\nverbose = all\n\n# note\n[channel-main]\n; comment\npassword = abc\nx-smpp-tls-mode=off\n";
    expect(parseCfg(text)).toEqual([
      { name: "main", options: { "x-smpp-tls-mode": "off" }, secrets: { password: "abc" } },
    ]);
    const csv =
      'Section,Option,Value\r\nlog,verbose,all\r\nchannel-main,x-smpp-tls-path-to-certificate,"/a,b ""c"""\r\n';
    expect(parseCsv(csv)).toEqual([{ name: "main", options: { "x-smpp-tls-path-to-certificate": '/a,b "c"' } }]);
  });

  it("fails a file it cannot read, naming the line or row", () => {
    expect(() => parseCfg("reconnection-timeout = 60\n")).toThrow(/Line 1: an option outside any section/);
    expect(() => parseCfg("[channel-a]\njust words\n")).toThrow(/Line 2: expected option = value/);
    expect(() => parseCfg("[channel-a]\nx = 1\nx = 2\n")).toThrow(/Line 3: x appears twice/);
    expect(() => parseCsv("Name,Value\r\n")).toThrow(/Row 1: the header must be Section,Option,Value/);
    expect(() => parseCsv("Section,Option,Value\r\nchannel-a,x\r\n")).toThrow(/Row 2: expected 3 fields/);
  });
});
