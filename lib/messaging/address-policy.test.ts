import { describe, expect, it } from "vitest";
import { addressRefusal, classifyAddress, parseAllowedEntry, ZAllowedInternalHosts } from "./address-policy";

const HINT = "an administrator can allow internal hosts in Settings";
const none = { allowedInternalHosts: [] };

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.255.0.9", "a loopback address"],
    ["::1", "a loopback address"],
    ["10.0.0.5", "a private address"],
    ["172.16.0.0", "a private address"],
    ["172.31.255.255", "a private address"],
    ["192.168.1.1", "a private address"],
    ["100.64.0.1", "a shared (carrier-grade NAT) address"],
    ["100.127.255.255", "a shared (carrier-grade NAT) address"],
    ["169.254.10.20", "a link-local address"],
    ["fe80::1", "a link-local address"],
    ["fc00::1", "a unique-local address"],
    ["fd12:3456::7", "a unique-local address"],
    ["0.0.0.0", "an unspecified address"],
    ["::", "an unspecified address"],
    ["224.0.0.1", "a multicast address"],
    ["ff02::1", "a multicast address"],
    ["255.255.255.255", "the broadcast address"],
    ["192.0.2.7", "a reserved address"],
    ["2001:db8::1", "a reserved address"],
    // IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
    ["::ffff:10.0.0.5", "a private address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:7f00:1", "a loopback address"],
    // Addresses that carry an IPv4 address and can lead to it through a translator or tunnel.
    ["64:ff9b::a00:5", "an IPv4-embedding (NAT64) address"],
    ["2002:a00:5::1", "a 6to4 address"],
    ["::a00:5", "an IPv4-compatible address"],
  ])("calls %s %s", (address, words) => {
    expect(classifyAddress(address)).toEqual({ kind: "internal", words });
  });

  it.each(["169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254"])(
    "calls %s a cloud metadata address",
    (address) => {
      expect(classifyAddress(address)).toEqual({ kind: "metadata", words: "a cloud metadata address" });
    },
  );

  it.each([
    "8.8.8.8",
    "172.15.255.255",
    "172.32.0.0",
    "100.63.255.255",
    "100.128.0.0",
    "2606:4700::1111",
    "::ffff:8.8.8.8",
  ])("calls %s public", (address) => {
    expect(classifyAddress(address)).toEqual({ kind: "public" });
  });
});

describe("parseAllowedEntry and ZAllowedInternalHosts", () => {
  it("takes host names, IP addresses and CIDR ranges, in any case and with a root dot", () => {
    expect(parseAllowedEntry("Svc.Internal.Example.")).toEqual({ kind: "name", name: "svc.internal.example" });
    expect(parseAllowedEntry("localhost")).toEqual({ kind: "name", name: "localhost" });
    expect(parseAllowedEntry("10.20.0.0/16")).toMatchObject({ kind: "range", text: "10.20.0.0/16" });
    expect(parseAllowedEntry("[fd12::1]")).toMatchObject({ kind: "range", text: "fd12::1" });
    expect(parseAllowedEntry("fd12:3456::/48")).toMatchObject({ kind: "range", text: "fd12:3456::/48" });
  });

  it.each([
    ["with a space", "my host"],
    ["a wildcard", "*.internal.example"],
    ["a URL", "https://svc.example"],
    ["a shortened IPv4 address", "127.1"],
    ["an address with a port", "10.0.0.5:443"],
    ["a name with a prefix length", "example.com/24"],
    ["a shortened range", "10.1/8"],
  ])("refuses %s", (_, entry) => {
    expect(parseAllowedEntry(entry)).toBe(`“${entry}” is not a host name, an IP address or a CIDR range.`);
  });

  it.each(["10.0.0.0/33", "fd12::/129", "10.0.0.0/8/8", "10.0.0.0/x"])("refuses the range %s", (entry) => {
    expect(parseAllowedEntry(entry)).toBe(
      `“${entry}” is not a valid CIDR range (such as 10.20.0.0/16 or fd12:3456::/48).`,
    );
  });

  it("names every bad line, and stores the good ones normalized once each", () => {
    const bad = ZAllowedInternalHosts.safeParse(["ok.example", "bad host", "10.0.0.0/40"]);
    expect(bad.error?.issues.map((issue) => issue.message)).toEqual([
      "Line 2: “bad host” is not a host name, an IP address or a CIDR range.",
      "Line 3: “10.0.0.0/40” is not a valid CIDR range (such as 10.20.0.0/16 or fd12:3456::/48).",
    ]);
    expect(ZAllowedInternalHosts.parse(["Svc.Example.", "svc.example", " 10.0.0.0/8 "])).toEqual([
      "svc.example",
      "10.0.0.0/8",
    ]);
    expect(ZAllowedInternalHosts.safeParse(Array.from({ length: 101 }, (_, i) => `h${i}.example`)).success).toBe(false);
  });
});

describe("addressRefusal", () => {
  it("lets public addresses through and refuses internal ones, saying why and who can allow them", () => {
    expect(addressRefusal("api.example", ["8.8.8.8", "2606:4700::1111"], none)).toBeNull();
    expect(addressRefusal("10.0.0.5", ["10.0.0.5"], none)).toBe(`refused: 10.0.0.5 is a private address; ${HINT}.`);
  });

  it("refuses a name when any one of its addresses is internal", () => {
    expect(addressRefusal("mixed.example", ["8.8.8.8", "127.0.0.1"], none)).toBe(
      `refused: 127.0.0.1 is a loopback address; ${HINT}.`,
    );
  });

  it("allows internal addresses of a listed name, and internal addresses inside a listed address or range", () => {
    const policy = { allowedInternalHosts: ["svc.internal", "10.20.0.0/16", "fd12::7"] };
    expect(addressRefusal("SVC.internal.", ["10.99.0.1", "127.0.0.1"], policy)).toBeNull();
    expect(addressRefusal("other.internal", ["10.20.3.4"], policy)).toBeNull();
    expect(addressRefusal("other.internal", ["::ffff:10.20.3.4"], policy)).toBeNull();
    expect(addressRefusal("fd12::7", ["fd12::7"], policy)).toBeNull();
    expect(addressRefusal("other.internal", ["10.21.0.1"], policy)).toBe(
      `refused: 10.21.0.1 is a private address; ${HINT}.`,
    );
    expect(addressRefusal("fd12::8", ["fd12::8"], policy)).toBe(`refused: fd12::8 is a unique-local address; ${HINT}.`);
  });

  it("never allows a cloud metadata service, by name or by address, whatever is listed", () => {
    const policy = { allowedInternalHosts: ["metadata.google.internal", "169.254.0.0/16", "fd00::/8", "svc.internal"] };
    expect(addressRefusal("metadata.google.internal", [], policy)).toBe(
      "refused: metadata.google.internal is a cloud metadata service, which is never tested.",
    );
    expect(addressRefusal("svc.internal", ["169.254.169.254"], policy)).toBe(
      "refused: 169.254.169.254 is a cloud metadata address, which is never tested.",
    );
    expect(addressRefusal("fd00:ec2::254", ["fd00:ec2::254"], policy)).toBe(
      "refused: fd00:ec2::254 is a cloud metadata address, which is never tested.",
    );
    expect(addressRefusal("svc.internal", ["169.254.1.1"], policy)).toBeNull();
  });
});
