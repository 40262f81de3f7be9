// "Test connection" for a messaging service's Service Connection URL: resolve the host, open TCP, open TLS,
// then ask once over HTTPS, and report each step as an administrator would check it by hand.
//
// What the probe promises:
// - It sends no credential of any kind: no Authorization header, no cookie, not even the user:password
//   part of the URL. So it cannot leak a stored secret to any URL, the saved one included.
// - It reaches only public addresses, unless the administrator allowed internal hosts (address-policy.ts):
//   every address a name resolves to is checked, and the connection goes to the checked address (the
//   first one), so a second, rebound DNS answer cannot swap it. TCP, TLS and HTTP share one connection.
// - Redirects are followed (at most MAX_REDIRECTS), each target checked as the first URL was.
// - The whole probe, not each step, is bounded by `timeoutMs`; a stalling server costs at most that.
// - Network failures never throw. They become a failed step with a sentence fit for the screen, and
//   the probe stops there: `steps` lists only the steps that ran, so the last one is the one that failed.
//   A URL that is not https fails before any network access with a single "url" step.
import { lookup as systemLookup } from "node:dns/promises";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { type AddressPolicy, addressRefusal, DEFAULT_ADDRESS_POLICY } from "./address-policy";

export type ConnectionStepName = "url" | "dns" | "tcp" | "tls" | "http" | "redirect";

export interface ConnectionStep {
  step: ConnectionStepName;
  ok: boolean;
  /** How long the step took, in whole milliseconds. */
  ms: number;
  /** One or two sentences for the administrator; never contains a credential. */
  detail: string;
}

export interface ConnectionReport {
  /** True when every step succeeded and the last one is an HTTP answer that is not a redirect. */
  ok: boolean;
  /** The steps that ran, in order; after a failed step nothing else runs, so later steps are absent. */
  steps: ConnectionStep[];
  totalMs: number;
  /** The address TCP, TLS and HTTP last went to, once DNS succeeded. */
  address?: string;
  /** The HTTP status of the answer, when there was one (any status counts as an answer). */
  httpStatus?: number;
  /** True when the probe stopped because an address may not be reached (internal, not allowed). */
  refused?: boolean;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to its addresses, in the order they should be tried (as dns.lookup with all: true). */
export type AddressLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface ProbeOptions {
  /** Bound on the whole probe, in milliseconds. */
  timeoutMs?: number;
  /** Replaces the system resolver (tests map a test host name to 127.0.0.1 with it). */
  lookup?: AddressLookup;
  /** Trusted CA certificates, replacing the system's roots (as in tls.connect). */
  ca?: tls.ConnectionOptions["ca"];
  /** Which internal hosts may be reached; by default none. */
  policy?: AddressPolicy;
}

export const CONNECTION_TEST_TIMEOUT_MS = 5_000;
export const CONNECTION_TEST_USER_AGENT = "Switchboard connection test";

const HTTPS_PORT = 443;
const MAX_LISTED_ADDRESSES = 4;
export const MAX_REDIRECTS = 5;

interface Target {
  host: string;
  port: number;
  /** Path and query; the fragment and any user:password are dropped. */
  path: string;
}

interface Destroyable {
  destroy(): unknown;
}

/** A failure whose sentence the step already knows. */
class StepFailure extends Error {}

/** The address is not one the probe may reach (address-policy.ts). */
class AddressRefused extends StepFailure {}

/** The probe's deadline passed while the step was running. */
class DeadlinePassed extends Error {}

const systemAddressLookup: AddressLookup = (hostname) => systemLookup(hostname, { all: true });

export async function probeConnection(url: string, options: ProbeOptions = {}): Promise<ConnectionReport> {
  const timeoutMs = options.timeoutMs ?? CONNECTION_TEST_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError("timeoutMs must be a positive number");
  const started = performance.now();
  const steps: ConnectionStep[] = [];

  const target = parseTarget(url);
  if (typeof target === "string") {
    return { ok: false, steps: [{ step: "url", ok: false, ms: 0, detail: target }], totalMs: since(started) };
  }

  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const opened: Destroyable[] = [];
  const track = <T extends Destroyable>(resource: T): T => {
    opened.push(resource);
    return resource;
  };

  async function run<T>(
    step: ConnectionStepName,
    work: () => Promise<{ value: T; detail: string }>,
    explain: (error: unknown) => string,
  ): Promise<T | undefined> {
    const stepStarted = performance.now();
    try {
      const { value, detail } = await withinDeadline(deadline.signal, work);
      steps.push({ step, ok: true, ms: since(stepStarted), detail });
      return value;
    } catch (error) {
      if (error instanceof AddressRefused) refused = true;
      const detail =
        error instanceof DeadlinePassed
          ? `No answer within ${formatSeconds(timeoutMs)} s.`
          : error instanceof StepFailure
            ? error.message
            : explain(error);
      steps.push({ step, ok: false, ms: since(stepStarted), detail });
      return undefined;
    }
  }

  let refused = false;
  const report = (extra: Pick<ConnectionReport, "address" | "httpStatus"> = {}): ConnectionReport => ({
    ok: steps.at(-1)?.step === "http" && !isRedirect(extra.httpStatus) && steps.every((step) => step.ok),
    steps,
    totalMs: since(started),
    ...extra,
    ...(refused ? { refused } : {}),
  });

  const lookup = options.lookup ?? systemAddressLookup;
  const policy = options.policy ?? DEFAULT_ADDRESS_POLICY;
  try {
    let current = target;
    for (let redirects = 0; ; redirects += 1) {
      const address = await run("dns", () => resolveHost(current.host, lookup, policy), explainDns);
      if (address === undefined) return report();

      const socket = await run(
        "tcp",
        () => openTcp(address, current.port, track),
        (error) => explainTcp(error, address, current.port),
      );
      if (socket === undefined) return report({ address });

      const hop = current;
      const secure = await run(
        "tls",
        () => openTls(socket, hop, options.ca, track),
        (error) => explainTls(error, hop.port),
      );
      if (secure === undefined) return report({ address });

      const answer = await run("http", () => requestOnce(secure, hop, track), explainHttp);
      if (answer === undefined) return report({ address });
      const httpStatus = answer.status;
      if (!isRedirect(httpStatus) || answer.location === undefined) return report({ address, httpStatus });

      const next = redirectTarget(answer.location, current, redirects);
      steps.push({
        step: "redirect",
        ok: typeof next !== "string",
        ms: 0,
        detail: typeof next === "string" ? next : `Following the redirect to ${describeTarget(next)}.`,
      });
      if (typeof next === "string") return report({ address, httpStatus });
      current = next;
    }
  } finally {
    clearTimeout(timer);
    for (const resource of opened.reverse()) resource.destroy();
  }
}

function isRedirect(status: number | undefined): boolean {
  return status !== undefined && status >= 300 && status < 400;
}

/** Where a redirect leads, or why it is not followed. */
function redirectTarget(location: string, from: Target, redirectsSoFar: number): Target | string {
  if (redirectsSoFar >= MAX_REDIRECTS) return `More than ${MAX_REDIRECTS} redirects; the test stops here.`;
  let url: URL;
  try {
    url = new URL(
      location,
      `https://${from.host.includes(":") ? `[${from.host}]` : from.host}:${from.port}${from.path}`,
    );
  } catch {
    return "The server redirects to something that is not a URL.";
  }
  const target = parseTarget(url.href);
  if (typeof target === "string")
    return `The server redirects to ${url.protocol}//${url.host}, which is not tested: ${target}`;
  return target;
}

function describeTarget(target: Target): string {
  return `https://${hostPort(target.host, target.port)}${target.path}`.slice(0, 300);
}

/** The target of the probe, or why the URL is refused before any network access. */
function parseTarget(url: string): Target | string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return "This is not a valid URL.";
  }
  if (parsed.protocol !== "https:") return `Only https:// URLs are tested; this one uses ${parsed.protocol}//.`;
  // IPv6 literals come bracketed from URL; sockets and certificate checks want them bare.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!host) return "The URL names no host.";
  return { host, port: parsed.port ? Number(parsed.port) : HTTPS_PORT, path: `${parsed.pathname}${parsed.search}` };
}

async function resolveHost(
  host: string,
  lookup: AddressLookup,
  policy: AddressPolicy,
): Promise<{ value: string; detail: string }> {
  if (net.isIP(host)) {
    const refusal = addressRefusal(host, [host], policy);
    if (refusal) throw new AddressRefused(capitalize(refusal));
    return { value: host, detail: `${host} is an IP address; there is nothing to resolve.` };
  }
  // A metadata service's name is refused before it is even looked up.
  const byName = addressRefusal(host, [], policy);
  if (byName) throw new AddressRefused(capitalize(byName));
  const found = await lookup(host);
  const addresses = [...new Set(found.map((entry) => entry.address).filter((address) => net.isIP(address)))];
  const first = addresses[0];
  if (first === undefined) throw new StepFailure("The host name does not resolve.");
  // Every address, not only the one used: a name that also resolves inward is refused as a whole.
  const refusal = addressRefusal(host, addresses, policy);
  if (refusal) throw new AddressRefused(`${host} resolves to ${listAddresses(addresses)}. ${capitalize(refusal)}`);
  const chosen = addresses.length > 1 ? ` The test uses ${first}.` : "";
  return { value: first, detail: `${host} resolves to ${listAddresses(addresses)}.${chosen}` };
}

function listAddresses(addresses: readonly string[]): string {
  const listed = addresses.slice(0, MAX_LISTED_ADDRESSES).join(", ");
  const more = addresses.length > MAX_LISTED_ADDRESSES ? ` and ${addresses.length - MAX_LISTED_ADDRESSES} more` : "";
  return `${listed}${more}`;
}

function capitalize(sentence: string): string {
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
}

function openTcp(
  address: string,
  port: number,
  track: <T extends Destroyable>(resource: T) => T,
): Promise<{ value: net.Socket; detail: string }> {
  return new Promise((resolve, reject) => {
    // An IP address as host: net connects to it without another lookup.
    const socket = track(net.connect({ host: address, port }));
    // The listener stays for the socket's life, so a late error cannot go unhandled.
    socket.on("error", reject);
    socket.once("close", () => reject(Object.assign(new Error("closed"), { code: "ECONNRESET" })));
    socket.once("connect", () => resolve({ value: socket, detail: `Connected to ${hostPort(address, port)}.` }));
  });
}

async function openTls(
  socket: net.Socket,
  target: Target,
  ca: ProbeOptions["ca"],
  track: <T extends Destroyable>(resource: T) => T,
): Promise<{ value: tls.TLSSocket; detail: string }> {
  const secure = await new Promise<tls.TLSSocket>((resolve, reject) => {
    const connection = track(
      tls.connect({
        socket,
        // SNI carries a host name, never an IP address (RFC 6066); the certificate is checked against
        // the name, or against the IP address when the URL names one.
        servername: net.isIP(target.host) ? undefined : target.host.replace(/\.$/, ""),
        host: target.host,
        ca,
        // Verification is as strict as usual, but decided below rather than by aborting the handshake,
        // so that a rejected certificate can still be described. Nothing is sent unless it is trusted.
        rejectUnauthorized: false,
      }),
    );
    connection.on("error", reject);
    connection.once("close", () => reject(Object.assign(new Error("closed"), { code: "ECONNRESET" })));
    connection.once("secureConnect", () => resolve(connection));
  });

  const certificate = secure.getPeerCertificate();
  if (!secure.authorized) {
    // Node sets the OpenSSL or Node error code here, typed as an Error but a string at run time.
    const code = String(secure.authorizationError);
    throw new StepFailure(`The certificate is not trusted: ${certificateReason(code, target.host, certificate)}.`);
  }
  const cipher = secure.getCipher().name;
  return {
    value: secure,
    detail: `${secure.getProtocol() ?? "TLS"}, ${cipher}. Certificate ${describeCertificate(certificate)}.`,
  };
}

function requestOnce(
  secure: tls.TLSSocket,
  target: Target,
  track: <T extends Destroyable>(resource: T) => T,
): Promise<{ value: { status: number; location?: string }; detail: string }> {
  return new Promise((resolve, reject) => {
    const request = track(
      https.request({
        // The already verified connection: the request cannot go to any other address or certificate.
        createConnection: () => secure,
        host: target.host,
        port: target.port,
        defaultPort: HTTPS_PORT,
        path: target.path,
        method: "GET",
        // Deliberately no Authorization, Cookie or credential of the service.
        headers: { "User-Agent": CONNECTION_TEST_USER_AGENT, Accept: "*/*", Connection: "close" },
      }),
    );
    request.on("error", reject);
    request.once("close", () => reject(Object.assign(new Error("closed"), { code: "ECONNRESET" })));
    request.once("response", (response) => {
      // Only the status matters; the body is never read, and the connection is closed by the probe.
      response.on("error", () => {});
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      resolve({ value: { status, location }, detail: describeStatus(status, response.statusMessage) });
    });
    request.end();
  });
}

/** Runs the step unless the deadline has passed, and gives up on it the moment it does. */
function withinDeadline<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(new DeadlinePassed());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DeadlinePassed());
    signal.addEventListener("abort", onAbort, { once: true });
    work()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function explainDns(error: unknown): string {
  switch (errorCode(error)) {
    case "ENOTFOUND":
    case "EAI_NONAME":
    case "ENODATA":
    case "EAI_NODATA":
      return "The host name does not resolve.";
    case "EAI_AGAIN":
    case "ETIMEOUT":
      return "The name server did not answer; try again later.";
    default:
      return withCode("The host name could not be resolved", error);
  }
}

function explainTcp(error: unknown, address: string, port: number): string {
  switch (errorCode(error)) {
    case "ECONNREFUSED":
      return `Nothing listens on port ${port}.`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "EADDRNOTAVAIL":
      return `${address} cannot be reached from this server.`;
    case "ECONNRESET":
      return "The server closed the connection.";
    default:
      return withCode("The connection failed", error);
  }
}

function explainTls(error: unknown, port: number): string {
  switch (errorCode(error)) {
    case "ECONNRESET":
      return "The server closed the connection during the TLS handshake.";
    case "ERR_SSL_WRONG_VERSION_NUMBER":
      return `The server on port ${port} does not speak TLS (perhaps plain HTTP).`;
    case "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE":
    case "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION":
    case "ERR_SSL_UNSUPPORTED_PROTOCOL":
      return "The server and this console have no TLS version or cipher in common.";
    case "ERR_SSL_TLSV1_UNRECOGNIZED_NAME":
    case "ERR_SSL_TLSV1_ALERT_UNRECOGNIZED_NAME":
      return "The server does not know this host name (TLS alert: unrecognized name).";
    default: {
      // OpenSSL's reason is a short fixed phrase such as "wrong version number"; safe to show.
      const reason = error instanceof Error && "reason" in error ? error.reason : undefined;
      return typeof reason === "string" && reason
        ? `The TLS handshake failed: ${reason}.`
        : withCode("The TLS handshake failed", error);
    }
  }
}

function explainHttp(error: unknown): string {
  const code = errorCode(error);
  if (code === "ECONNRESET") return "The server closed the connection without an HTTP answer.";
  if (code?.startsWith("HPE_")) return "The server's answer is not valid HTTP.";
  return withCode("The request failed", error);
}

/** OpenSSL's wording for the usual verification failures (Node reports only their codes). */
const CERTIFICATE_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "self-signed certificate",
  SELF_SIGNED_CERT_IN_CHAIN: "self-signed certificate in certificate chain",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "unable to verify the first certificate",
  UNABLE_TO_GET_ISSUER_CERT: "unable to get issuer certificate",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "unable to get local issuer certificate",
  CERT_HAS_EXPIRED: "certificate has expired",
  CERT_NOT_YET_VALID: "certificate is not yet valid",
  CERT_REVOKED: "certificate revoked",
  CERT_UNTRUSTED: "certificate not trusted",
  CERT_REJECTED: "certificate rejected",
  CERT_SIGNATURE_FAILURE: "certificate signature failure",
  INVALID_CA: "invalid CA certificate",
};

function certificateReason(code: string, host: string, certificate: tls.PeerCertificate): string {
  const described = isEmpty(certificate) ? "" : ` (${describeCertificate(certificate)})`;
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    const names = certificate.subjectaltname || `CN=${nameOf(certificate.subject) ?? "?"}`;
    return `it is not valid for ${host}, only for ${names}${described}`;
  }
  return `${CERTIFICATE_REASONS[code] ?? `verification failed (${code})`}${described}`;
}

function describeCertificate(certificate: tls.PeerCertificate): string {
  if (isEmpty(certificate)) return "not presented";
  const subject = nameOf(certificate.subject);
  const issuer = nameOf(certificate.issuer);
  const validTo = new Date(certificate.valid_to);
  const until = Number.isNaN(validTo.getTime()) ? certificate.valid_to : validTo.toISOString().slice(0, 10);
  return `for ${subject ? `CN=${subject}` : "(no common name)"}, issued by ${issuer ?? "(unnamed issuer)"}, valid until ${until}`;
}

/** The common name, else the organization, of a certificate's subject or issuer. */
function nameOf(name: tls.Certificate | undefined): string | undefined {
  const value = name?.CN ?? name?.O;
  const first = Array.isArray(value) ? value[0] : value;
  return first || undefined;
}

function isEmpty(certificate: tls.PeerCertificate): boolean {
  return !certificate || Object.keys(certificate).length === 0;
}

function describeStatus(status: number, message: string | undefined): string {
  // The reason phrase comes from the server: trimmed and stripped of control characters before display.
  const phrase = (message ?? "").replace(/\p{Cc}/gu, "").slice(0, 80);
  const answer = `The server answered HTTP ${status}${phrase ? ` ${phrase}` : ""}.`;

  if (status === 401 || status === 403) return `${answer} The test sends no credentials.`;
  return answer;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

function withCode(sentence: string, error: unknown): string {
  const code = errorCode(error);
  return code ? `${sentence} (${code}).` : `${sentence}.`;
}

function hostPort(address: string, port: number): string {
  return net.isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 10) / 100);
}

function since(start: number): number {
  return Math.round(performance.now() - start);
}
