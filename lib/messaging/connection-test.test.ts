// Probes real servers on 127.0.0.1 (random ports). The HTTPS server's self-signed certificate is made
// at test time with the openssl command line; node:crypto cannot issue X.509 certificates.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type AddressLookup,
  CONNECTION_TEST_USER_AGENT,
  type ConnectionReport,
  type ConnectionStepName,
  type ProbeOptions,
  probeConnection,
} from "./connection-test";

const TEST_HOST = "svc.test";
/** Where the test server's redirecting paths send the probe ({port}: its own port). */
const REDIRECTS: Record<string, string> = {
  "/to-same-host": "/final",
  "/to-loopback": "https://127.0.0.1:{port}/final",
  "/to-metadata": "https://169.254.169.254/latest/meta-data/",
  "/to-http": "http://127.0.0.1/",
  "/loop": "/loop",
};
const OTHER_HOST = "other.test";
const OPENSSL_AVAILABLE = spawnSync("openssl", ["version"]).status === 0;

/** The test servers listen on loopback, which the probe refuses unless an administrator allowed it. */
const LOOPBACK_ALLOWED = { allowedInternalHosts: ["127.0.0.0/8"] };
const probe = (url: string, options: ProbeOptions = {}) =>
  probeConnection(url, { policy: LOOPBACK_ALLOWED, ...options });

/** Maps the test host names to 127.0.0.1, as a resolver would; everything else does not resolve. */
const testLookup: AddressLookup = async (hostname) => {
  if (hostname === TEST_HOST || hostname === OTHER_HOST) return [{ address: "127.0.0.1", family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
};

const openSockets = new Set<net.Socket>();
const servers: net.Server[] = [];

function listen<T extends net.Server>(server: T): Promise<number> {
  servers.push(server);
  server.on("connection", (socket: net.Socket) => {
    openSockets.add(socket);
    socket.on("close", () => openSockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port));
  });
}

function stepNames(report: ConnectionReport): ConnectionStepName[] {
  return report.steps.map((step) => step.step);
}

function lastStep(report: ConnectionReport) {
  return report.steps.at(-1);
}

afterAll(async () => {
  for (const socket of openSockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe.skipIf(!OPENSSL_AVAILABLE)("probeConnection against an HTTPS server (needs the openssl command)", () => {
  const seen: { url?: string; headers: IncomingHttpHeaders; servername: TLSSocket["servername"] }[] = [];
  let certificateDir: string;
  let certificate: string;
  let port: number;

  beforeAll(async () => {
    certificateDir = mkdtempSync(path.join(tmpdir(), "switchboard-connection-test-"));
    const keyFile = path.join(certificateDir, "key.pem");
    const certificateFile = path.join(certificateDir, "certificate.pem");
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
        ...["-keyout", keyFile, "-out", certificateFile, "-days", "2"],
        ...["-subj", `/CN=${TEST_HOST}`, "-addext", `subjectAltName=DNS:${TEST_HOST}`],
      ],
      { stdio: "ignore" },
    );
    certificate = readFileSync(certificateFile, "utf8");
    const server = https.createServer({ key: readFileSync(keyFile), cert: certificate }, (request, response) => {
      seen.push({
        url: request.url,
        headers: request.headers,
        servername: (request.socket as TLSSocket).servername,
      });
      if (request.url === "/stall") return;
      const redirect = REDIRECTS[request.url ?? ""];
      if (redirect) {
        response.writeHead(302, { Location: redirect.replace("{port}", String(port)) }).end();
        return;
      }
      response.writeHead(401, { "WWW-Authenticate": 'Basic realm="test"' }).end();
    });
    port = await listen(server);
  });

  afterAll(() => {
    rmSync(certificateDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    seen.length = 0;
  });

  it("passes all four steps when the certificate is trusted, and sends no credential", async () => {
    const report = await probe(`https://user:s3cret-pw@${TEST_HOST}:${port}/v1/messages?x=1#fragment`, {
      lookup: testLookup,
      ca: certificate,
    });

    expect(report.ok).toBe(true);
    expect(stepNames(report)).toEqual(["dns", "tcp", "tls", "http"]);
    expect(report.steps.every((step) => step.ok)).toBe(true);
    expect(report.address).toBe("127.0.0.1");
    expect(report.httpStatus).toBe(401);
    const [dns, tcp, tls, http] = report.steps;
    expect(dns?.detail).toBe(`${TEST_HOST} resolves to 127.0.0.1.`);
    expect(tcp?.detail).toBe(`Connected to 127.0.0.1:${port}.`);
    expect(tls?.detail).toMatch(
      /^TLSv1\.3, TLS_\w+\. Certificate for CN=svc\.test, issued by svc\.test, valid until \d{4}-\d\d-\d\d\.$/,
    );
    expect(http?.detail).toBe("The server answered HTTP 401 Unauthorized. The test sends no credentials.");
    expect(JSON.stringify(report)).not.toContain("s3cret");

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.servername).toBe(TEST_HOST);
    expect(request?.url).toBe("/v1/messages?x=1");
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers["proxy-authorization"]).toBeUndefined();
    expect(request?.headers["user-agent"]).toBe(CONNECTION_TEST_USER_AGENT);
    expect(request?.headers.host).toBe(`${TEST_HOST}:${port}`);
  });

  it("fails the TLS step on a self-signed certificate and sends no request", async () => {
    const report = await probe(`https://${TEST_HOST}:${port}/`, { lookup: testLookup });

    expect(report.ok).toBe(false);
    expect(stepNames(report)).toEqual(["dns", "tcp", "tls"]);
    expect(lastStep(report)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^The certificate is not trusted: self-signed certificate \(for CN=svc\.test, /),
    });
    expect(report.httpStatus).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it("fails the TLS step when the certificate is for another host name", async () => {
    const report = await probe(`https://${OTHER_HOST}:${port}/`, { lookup: testLookup, ca: certificate });

    expect(stepNames(report)).toEqual(["dns", "tcp", "tls"]);
    expect(lastStep(report)?.detail).toMatch(
      /^The certificate is not trusted: it is not valid for other\.test, only for DNS:svc\.test/,
    );
    expect(seen).toEqual([]);
  });

  it("follows a redirect to an allowed host, checking it as the first URL", async () => {
    const report = await probe(`https://${TEST_HOST}:${port}/to-same-host`, { lookup: testLookup, ca: certificate });

    expect(report.ok).toBe(true);
    expect(stepNames(report)).toEqual(["dns", "tcp", "tls", "http", "redirect", "dns", "tcp", "tls", "http"]);
    expect(report.steps[3]?.detail).toBe("The server answered HTTP 302 Found.");
    expect(report.steps[4]?.detail).toBe(`Following the redirect to https://${TEST_HOST}:${port}/final.`);
    expect(report.httpStatus).toBe(401);
    expect(seen.map((request) => request.url)).toEqual(["/to-same-host", "/final"]);
  });

  it("refuses a redirect to loopback when only the first host is allowed, and never connects there", async () => {
    const report = await probe(`https://${TEST_HOST}:${port}/to-loopback`, {
      lookup: testLookup,
      ca: certificate,
      policy: { allowedInternalHosts: [TEST_HOST] },
    });

    expect(report.ok).toBe(false);
    expect(stepNames(report)).toEqual(["dns", "tcp", "tls", "http", "redirect", "dns"]);
    expect(lastStep(report)).toMatchObject({
      ok: false,
      detail: "Refused: 127.0.0.1 is a loopback address; an administrator can allow internal hosts in Settings.",
    });
    expect(seen.map((request) => request.url)).toEqual(["/to-loopback"]);
  });

  it("refuses a redirect to a cloud metadata service and one to plain http", async () => {
    const metadata = await probe(`https://${TEST_HOST}:${port}/to-metadata`, { lookup: testLookup, ca: certificate });
    expect(lastStep(metadata)).toMatchObject({
      step: "dns",
      ok: false,
      detail: "Refused: 169.254.169.254 is a cloud metadata address, which is never tested.",
    });

    const plain = await probe(`https://${TEST_HOST}:${port}/to-http`, { lookup: testLookup, ca: certificate });
    expect(plain.ok).toBe(false);
    expect(lastStep(plain)).toMatchObject({
      step: "redirect",
      ok: false,
      detail:
        "The server redirects to http://127.0.0.1, which is not tested: Only https:// URLs are tested; this one uses http://.",
    });
  });

  it("stops after five redirects", async () => {
    const report = await probe(`https://${TEST_HOST}:${port}/loop`, { lookup: testLookup, ca: certificate });

    expect(report.ok).toBe(false);
    expect(stepNames(report).filter((step) => step === "http")).toHaveLength(6);
    expect(lastStep(report)).toMatchObject({
      step: "redirect",
      ok: false,
      detail: "More than 5 redirects; the test stops here.",
    });
  });

  it("ends within the timeout when the server never answers the request", async () => {
    const started = performance.now();
    const report = await probe(`https://${TEST_HOST}:${port}/stall`, {
      lookup: testLookup,
      ca: certificate,
      timeoutMs: 500,
    });

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(stepNames(report)).toEqual(["dns", "tcp", "tls", "http"]);
    expect(lastStep(report)).toMatchObject({ ok: false, detail: "No answer within 0.5 s." });
    expect(report.ok).toBe(false);
    expect(report.totalMs).toBeGreaterThanOrEqual(450);
  });
});

describe("probeConnection's address checks", () => {
  const HINT = "an administrator can allow internal hosts in Settings";

  it("refuses a loopback server by default, after resolving and before connecting", async () => {
    let connections = 0;
    const server = net.createServer((socket) => socket.destroy());
    server.on("connection", () => {
      connections += 1;
    });
    const port = await listen(server);

    const byName = await probeConnection(`https://${TEST_HOST}:${port}/`, { lookup: testLookup });
    const byAddress = await probeConnection(`https://127.0.0.1:${port}/`);
    const mapped = await probeConnection(`https://[::ffff:127.0.0.1]:${port}/`);

    expect(byName.ok).toBe(false);
    expect(byName.refused).toBe(true);
    expect(byName.address).toBeUndefined();
    expect(byName.steps).toEqual([
      {
        step: "dns",
        ok: false,
        ms: expect.any(Number),
        detail: `${TEST_HOST} resolves to 127.0.0.1. Refused: 127.0.0.1 is a loopback address; ${HINT}.`,
      },
    ]);
    expect(byAddress.steps.map((step) => [step.step, step.ok, step.detail])).toEqual([
      ["dns", false, `Refused: 127.0.0.1 is a loopback address; ${HINT}.`],
    ]);
    expect(lastStep(mapped)?.detail).toBe(`Refused: ::ffff:7f00:1 is a loopback address; ${HINT}.`);
    expect(connections).toBe(0);

    const allowed = await probeConnection(`https://${TEST_HOST}:${port}/`, {
      lookup: testLookup,
      policy: { allowedInternalHosts: [TEST_HOST] },
      timeoutMs: 2_000,
    });
    expect(allowed.refused).toBeUndefined();
    expect(stepNames(allowed).slice(0, 2)).toEqual(["dns", "tcp"]);
    expect(allowed.steps[1]?.ok).toBe(true);
    expect(connections).toBe(1);
  });

  it("refuses a name when any of its addresses is internal, not only the first", async () => {
    const report = await probeConnection("https://mixed.example/", {
      lookup: async () => [
        { address: "8.8.8.8", family: 4 },
        { address: "10.0.0.5", family: 4 },
      ],
    });

    expect(report.steps.map((step) => step.detail)).toEqual([
      `mixed.example resolves to 8.8.8.8, 10.0.0.5. Refused: 10.0.0.5 is a private address; ${HINT}.`,
    ]);
  });

  it("refuses a cloud metadata name without looking it up", async () => {
    const looked: string[] = [];
    const report = await probeConnection("https://metadata.google.internal/computeMetadata/v1/", {
      lookup: async (hostname) => {
        looked.push(hostname);
        return [{ address: "169.254.169.254", family: 4 }];
      },
      policy: { allowedInternalHosts: ["metadata.google.internal"] },
    });

    expect(lastStep(report)?.detail).toBe(
      "Refused: metadata.google.internal is a cloud metadata service, which is never tested.",
    );
    expect(looked).toEqual([]);
  });

  it("resolves once and connects to the address it checked, so a second DNS answer cannot swap it", async () => {
    const port = await listen(net.createServer((socket) => socket.destroy()));
    let lookups = 0;
    // The first answer is checked and allowed; any later one would point at the listening server.
    const rebinding: AddressLookup = async () => {
      lookups += 1;
      return [{ address: lookups === 1 ? "127.0.0.2" : "127.0.0.1", family: 4 }];
    };

    const report = await probeConnection(`https://rebind.example:${port}/`, {
      lookup: rebinding,
      policy: { allowedInternalHosts: ["127.0.0.2"] },
      timeoutMs: 2_000,
    });

    expect(lookups).toBe(1);
    expect(report.address).toBe("127.0.0.2");
    expect(stepNames(report)).toEqual(["dns", "tcp"]);
    expect(lastStep(report)).toMatchObject({ ok: false, detail: `Nothing listens on port ${port}.` });
  });
});

describe("probeConnection failures", () => {
  it("refuses an http:// URL before any network access", async () => {
    const looked: string[] = [];
    const report = await probe("http://svc.test/", {
      lookup: async (hostname) => {
        looked.push(hostname);
        return [{ address: "127.0.0.1", family: 4 }];
      },
    });

    expect(report).toMatchObject({
      ok: false,
      steps: [{ step: "url", ok: false, ms: 0, detail: "Only https:// URLs are tested; this one uses http://." }],
    });
    expect(looked).toEqual([]);
  });

  it("refuses a string that is not a URL", async () => {
    const report = await probe("not a url");
    expect(report.steps).toEqual([{ step: "url", ok: false, ms: 0, detail: "This is not a valid URL." }]);
  });

  it("fails the DNS step for a host name that does not resolve", async () => {
    const report = await probe("https://switchboard-test.invalid/", { lookup: testLookup });

    expect(report.ok).toBe(false);
    expect(report.steps).toEqual([
      { step: "dns", ok: false, ms: expect.any(Number), detail: "The host name does not resolve." },
    ]);
  });

  it("fails the DNS step with the system resolver too", async () => {
    // A .invalid name never resolves (RFC 6761); a resolver that cannot be reached fails the step as well.
    const report = await probe("https://switchboard-test.invalid/", { timeoutMs: 2_000 });

    expect(stepNames(report)).toEqual(["dns"]);
    expect(lastStep(report)?.ok).toBe(false);
    expect(lastStep(report)?.detail).toMatch(
      /^(The host name does not resolve\.|The name server did not answer|No answer)/,
    );
  });

  it("ends within the timeout when the resolver never answers", async () => {
    const report = await probe("https://svc.test/", { lookup: () => new Promise(() => {}), timeoutMs: 200 });

    expect(report.steps).toEqual([
      { step: "dns", ok: false, ms: expect.any(Number), detail: "No answer within 0.2 s." },
    ]);
    expect(report.totalMs).toBeLessThan(600);
  });

  it("fails the TCP step when nothing listens on the port", async () => {
    const closed = net.createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));

    const report = await probe(`https://${TEST_HOST}:${port}/`, { lookup: testLookup });

    expect(stepNames(report)).toEqual(["dns", "tcp"]);
    expect(lastStep(report)).toMatchObject({ ok: false, detail: `Nothing listens on port ${port}.` });
    expect(report.address).toBe("127.0.0.1");
  });

  it("ends within the timeout when the server accepts TCP but never answers TLS", async () => {
    const port = await listen(net.createServer());

    const started = performance.now();
    const report = await probe(`https://${TEST_HOST}:${port}/`, { lookup: testLookup, timeoutMs: 500 });

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(stepNames(report)).toEqual(["dns", "tcp", "tls"]);
    expect(report.steps.map((step) => step.ok)).toEqual([true, true, false]);
    expect(lastStep(report)?.detail).toBe("No answer within 0.5 s.");
    expect(report.totalMs).toBeGreaterThanOrEqual(450);
  });

  it("fails the TLS step when the server speaks plain HTTP", async () => {
    const port = await listen(
      net.createServer((socket) => socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n")),
    );

    const report = await probe(`https://127.0.0.1:${port}/`, { timeoutMs: 2_000 });

    expect(report.steps[0]).toMatchObject({
      step: "dns",
      ok: true,
      detail: "127.0.0.1 is an IP address; there is nothing to resolve.",
    });
    expect(stepNames(report)).toEqual(["dns", "tcp", "tls"]);
    expect(lastStep(report)?.detail).toBe(`The server on port ${port} does not speak TLS (perhaps plain HTTP).`);
  });
});
