// Which addresses the connection test may reach. A console that connects wherever an administrator
// points it would map the network it stands in (open and closed ports of internal hosts), so only
// public unicast addresses are reached, unless an administrator lists internal hosts as allowed in
// Settings. Cloud metadata endpoints hand out credentials to whoever asks: they are never reached.
// Addresses are classified by ipaddr.js (maintained, used by Express' proxy-addr) rather than by hand.
import ipaddr from "ipaddr.js";
import { z } from "zod";

/** Names of cloud metadata services; their addresses are refused below as well. */
const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata.goog", "metadata"]);
const METADATA_ADDRESSES = new Set(["169.254.169.254", "fd00:ec2::254", "100.100.100.200"]);

/** IPv4-compatible IPv6 (::a.b.c.d, deprecated): ipaddr.js calls it unicast, but it names an IPv4 host. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

const RANGE_WORDS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  private: "a private address",
  uniqueLocal: "a unique-local address",
  deprecatedSiteLocal: "a site-local address",
  // These carry an IPv4 address inside an IPv6 one, so they can lead to an internal host.
  ipv4Mapped: "an IPv4-mapped address",
  rfc6145: "an IPv4-translated address",
  rfc6052: "an IPv4-embedding (NAT64) address",
  "6to4": "a 6to4 address",
  teredo: "a Teredo address",
};

export type AddressClass =
  | { kind: "public" }
  | { kind: "internal"; words: string }
  /** Never reached, whatever is allowed. */
  | { kind: "metadata"; words: string };

/** What kind of address this is; an IPv4-mapped IPv6 address is judged as the IPv4 address it maps. */
export function classifyAddress(address: string): AddressClass {
  const parsed = ipaddr.process(address);
  const plain = parsed.toString();
  if (METADATA_ADDRESSES.has(plain)) return { kind: "metadata", words: "a cloud metadata address" };
  const range = parsed.range();
  if (range === "unicast") {
    return parsed.kind() === "ipv6" && parsed.match(IPV4_COMPATIBLE)
      ? { kind: "internal", words: "an IPv4-compatible address" }
      : { kind: "public" };
  }
  return { kind: "internal", words: RANGE_WORDS[range] ?? "a reserved address" };
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A host name as compared: lower case, without the root's trailing dot or IPv6 brackets. */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
}

export type AllowedEntry =
  | { kind: "name"; name: string }
  | { kind: "range"; range: [ipaddr.IPv4 | ipaddr.IPv6, number]; text: string };

/** One line of the allowed internal hosts, or why it is not one. */
export function parseAllowedEntry(text: string): AllowedEntry | string {
  const entry = normalizeHost(text);
  const [address = "", ...bits] = entry.split("/");
  // Four-part decimal only: "10.1" is an address to ipaddr.js, but not what a reader expects it to be.
  const isAddress = ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address);
  if (isAddress && bits.length > 0) {
    if (!ipaddr.isValidCIDR(entry)) {
      return `“${text.trim()}” is not a valid CIDR range (such as 10.20.0.0/16 or fd12:3456::/48).`;
    }
    return { kind: "range", range: asIPv4WhereMapped(ipaddr.parseCIDR(entry)), text: entry };
  }
  if (isAddress) {
    const parsed = ipaddr.process(entry);
    return { kind: "range", range: [parsed, parsed.kind() === "ipv4" ? 32 : 128], text: entry };
  }
  if (HOST_NAME.test(entry) && !/^[\d.]+$/.test(entry)) return { kind: "name", name: entry };
  return `“${text.trim()}” is not a host name, an IP address or a CIDR range.`;
}

/** An IPv4-mapped IPv6 range (::ffff:10.0.0.0/104) as the IPv4 range it maps, since addresses are judged so. */
function asIPv4WhereMapped([network, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (network instanceof ipaddr.IPv6 && bits >= 96 && network.isIPv4MappedAddress()) {
    return [network.toIPv4Address(), bits - 96];
  }
  return [network, bits];
}

export const MAX_ALLOWED_INTERNAL_HOSTS = 100;

/** The "Allowed internal hosts" setting: host names, IP addresses and CIDR ranges, one per entry. */
export const ZAllowedInternalHosts = z
  .array(z.string().max(300, "Use at most 300 characters per entry."))
  .max(MAX_ALLOWED_INTERNAL_HOSTS, `List at most ${MAX_ALLOWED_INTERNAL_HOSTS} entries.`)
  .superRefine((entries, ctx) => {
    entries.forEach((entry, index) => {
      const parsed = parseAllowedEntry(entry);
      if (typeof parsed === "string")
        ctx.addIssue({ code: "custom", path: [index], message: `Line ${index + 1}: ${parsed}` });
    });
  })
  // Stored as compared: normalized, without blanks or repeats (overwrite: still a list of text, so the
  // OpenAPI document can say what a read gives).
  .overwrite((entries) => [...new Set(entries.map(normalizeHost).filter((entry) => entry.length > 0))]);

export interface AddressPolicy {
  /** The "Allowed internal hosts" setting's entries. */
  allowedInternalHosts: readonly string[];
}

export const DEFAULT_ADDRESS_POLICY: AddressPolicy = { allowedInternalHosts: [] };

const ADMIN_HINT = "an administrator can allow internal hosts in Settings";

/**
 * Why the probe may not connect to `host` at these addresses (every address it resolved to), or null
 * when it may. A host listed by name may resolve to internal addresses; otherwise each internal address
 * must lie in a listed address or range. Metadata services are refused whatever the list says.
 */
export function addressRefusal(host: string, addresses: readonly string[], policy: AddressPolicy): string | null {
  const name = normalizeHost(host);
  if (METADATA_HOSTS.has(name)) return `refused: ${name} is a cloud metadata service, which is never tested.`;
  const allowed = policy.allowedInternalHosts
    .map(parseAllowedEntry)
    .filter((entry): entry is AllowedEntry => typeof entry !== "string");
  const allowedByName = allowed.some((entry) => entry.kind === "name" && entry.name === name);
  for (const address of addresses) {
    const found = classifyAddress(address);
    if (found.kind === "public") continue;
    if (found.kind === "metadata") return `refused: ${address} is ${found.words}, which is never tested.`;
    if (allowedByName) continue;
    const parsed = ipaddr.process(address);
    const inRange = allowed.some(
      (entry) => entry.kind === "range" && entry.range[0].kind() === parsed.kind() && parsed.match(entry.range),
    );
    if (!inRange) return `refused: ${address} is ${found.words}; ${ADMIN_HINT}.`;
  }
  return null;
}
