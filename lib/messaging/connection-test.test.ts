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
  probeConnection,
} from "./connection-test";

const TEST_HOST = "svc.test";
const OTHER_HOST = "other.test";
const OPENSSL_AVAILABLE = spawnSync("openssl", ["version"]).status === 0;

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
      if (request.url === "/redirect") {
        response.writeHead(302, { Location: "https://elsewhere.test/" }).end();
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
    const report = await probeConnection(`https://user:s3cret-pw@${TEST_HOST}:${port}/v1/messages?x=1#fragment`, {
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
    const report = await probeConnection(`https://${TEST_HOST}:${port}/`, { lookup: testLookup });

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
    const report = await probeConnection(`https://${OTHER_HOST}:${port}/`, { lookup: testLookup, ca: certificate });

    expect(stepNames(report)).toEqual(["dns", "tcp", "tls"]);
    expect(lastStep(report)?.detail).toMatch(
      /^The certificate is not trusted: it is not valid for other\.test, only for DNS:svc\.test/,
    );
    expect(seen).toEqual([]);
  });

  it("reports a redirect without following it", async () => {
    const report = await probeConnection(`https://${TEST_HOST}:${port}/redirect`, {
      lookup: testLookup,
      ca: certificate,
    });

    expect(report.ok).toBe(true);
    expect(report.httpStatus).toBe(302);
    expect(lastStep(report)?.detail).toBe("The server answered HTTP 302 Found. Redirects are not followed.");
    expect(seen.map((request) => request.url)).toEqual(["/redirect"]);
  });

  it("ends within the timeout when the server never answers the request", async () => {
    const started = performance.now();
    const report = await probeConnection(`https://${TEST_HOST}:${port}/stall`, {
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

describe("probeConnection failures", () => {
  it("refuses an http:// URL before any network access", async () => {
    const looked: string[] = [];
    const report = await probeConnection("http://svc.test/", {
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
    const report = await probeConnection("not a url");
    expect(report.steps).toEqual([{ step: "url", ok: false, ms: 0, detail: "This is not a valid URL." }]);
  });

  it("fails the DNS step for a host name that does not resolve", async () => {
    const report = await probeConnection("https://switchboard-test.invalid/", { lookup: testLookup });

    expect(report.ok).toBe(false);
    expect(report.steps).toEqual([
      { step: "dns", ok: false, ms: expect.any(Number), detail: "The host name does not resolve." },
    ]);
  });

  it("fails the DNS step with the system resolver too", async () => {
    // A .invalid name never resolves (RFC 6761); a resolver that cannot be reached fails the step as well.
    const report = await probeConnection("https://switchboard-test.invalid/", { timeoutMs: 2_000 });

    expect(stepNames(report)).toEqual(["dns"]);
    expect(lastStep(report)?.ok).toBe(false);
    expect(lastStep(report)?.detail).toMatch(
      /^(The host name does not resolve\.|The name server did not answer|No answer)/,
    );
  });

  it("ends within the timeout when the resolver never answers", async () => {
    const report = await probeConnection("https://svc.test/", { lookup: () => new Promise(() => {}), timeoutMs: 200 });

    expect(report.steps).toEqual([
      { step: "dns", ok: false, ms: expect.any(Number), detail: "No answer within 0.2 s." },
    ]);
    expect(report.totalMs).toBeLessThan(600);
  });

  it("fails the TCP step when nothing listens on the port", async () => {
    const closed = net.createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));

    const report = await probeConnection(`https://${TEST_HOST}:${port}/`, { lookup: testLookup });

    expect(stepNames(report)).toEqual(["dns", "tcp"]);
    expect(lastStep(report)).toMatchObject({ ok: false, detail: `Nothing listens on port ${port}.` });
    expect(report.address).toBe("127.0.0.1");
  });

  it("ends within the timeout when the server accepts TCP but never answers TLS", async () => {
    const port = await listen(net.createServer());

    const started = performance.now();
    const report = await probeConnection(`https://${TEST_HOST}:${port}/`, { lookup: testLookup, timeoutMs: 500 });

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

    const report = await probeConnection(`https://127.0.0.1:${port}/`, { timeoutMs: 2_000 });

    expect(report.steps[0]).toMatchObject({
      step: "dns",
      ok: true,
      detail: "127.0.0.1 is an IP address; there is nothing to resolve.",
    });
    expect(stepNames(report)).toEqual(["dns", "tcp", "tls"]);
    expect(lastStep(report)?.detail).toBe(`The server on port ${port} does not speak TLS (perhaps plain HTTP).`);
  });
});
