import { describe, expect, it } from "vitest";
import { toCfg, toCsv } from "./export";

const channels: { name: string; options: Record<string, string> }[] = [
  {
    name: "opensmpp",
    options: {
      "x-smpp-tls-mode": "mutual",
      "x-smpp-tls-path-to-certificate": "C:\\certs\\driver, main.p12",
      "x-smpp-submit-max-rate": "20",
    },
  },
  { name: "backup", options: {} },
];

describe("export in the driver's formats", () => {
  it("writes one [channel-<name>] section per channel with option = value lines, secrets left out", () => {
    expect(toCfg(channels)).toBe(
      [
        "[channel-opensmpp]",
        "; secrets left out: password, x-smpp-tls-certificate-file-password, x-smpp-tls-certificate-password",
        "x-smpp-submit-max-rate = 20",
        "x-smpp-tls-mode = mutual",
        "x-smpp-tls-path-to-certificate = C:\\certs\\driver, main.p12",
        "",
        "[channel-backup]",
        "; secrets left out: password, x-smpp-tls-certificate-file-password, x-smpp-tls-certificate-password",
        "",
      ].join("\n"),
    );
    expect(toCfg([])).toBe("");
  });

  it("writes CSV rows of section, option and value, quoting where needed", () => {
    expect(toCsv(channels)).toBe(
      [
        "Section,Option,Value",
        "channel-opensmpp,x-smpp-submit-max-rate,20",
        "channel-opensmpp,x-smpp-tls-mode,mutual",
        'channel-opensmpp,x-smpp-tls-path-to-certificate,"C:\\certs\\driver, main.p12"',
        "",
      ].join("\r\n"),
    );
  });
});
