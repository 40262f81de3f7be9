import { describe, expect, it } from "vitest";
import {
  SINCH_ALGORITHM_HEADER,
  SINCH_NONCE_HEADER,
  SINCH_SIGNATURE_HEADER,
  SINCH_TIMESTAMP_HEADER,
  signSinchPayload,
  verifySinchSignature,
} from "./sinch-signature";

// The known-answer vector shared by Sinch's Node, Java, .NET and Python SDK tests
// (e.g. sinch/sinch-sdk-node packages/sdk-client/tests/utils/authorization.helper.test.ts).
const VECTOR = {
  body: '{"app_id":"","accepted_time":"2021-10-18T17:49:13.813615Z","project_id":"e2df3a34-a71b-4448-9db5-a8d2baad28e4","contact_create_notification":{"contact":{"id":"01FJA8B466Y0R2GNXD78MD9SM1","channel_identities":[{"channel":"SMS","identity":"48123456789","app_id":""}],"display_name":"New Test Contact","email":"new.contact@email.com","external_id":"","metadata":"","language":"EN_US"}},"message_metadata":""}',
  nonce: "01FJA8B4A7BM43YGWSG9GBV067",
  timestamp: "1634579353",
  secret: "foo_secret1234",
  signature: "6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=",
} as const;

const vectorHeaders = {
  [SINCH_SIGNATURE_HEADER]: VECTOR.signature,
  [SINCH_ALGORITHM_HEADER]: "HmacSHA256",
  [SINCH_NONCE_HEADER]: VECTOR.nonce,
  [SINCH_TIMESTAMP_HEADER]: VECTOR.timestamp,
};
const vectorNow = Number(VECTOR.timestamp) * 1000 + 2_000;

const NOW = new Date("2025-03-01T12:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const SECRET = "webhook-secret-token";
const BODY = '{"app_id":"01H","message":{"contact_message":{"text_message":{"text":"Grüße ☎"}}}}';

function signed(overrides: { body?: string; timestamp?: number; nonce?: string; secret?: string } = {}) {
  return signSinchPayload({
    rawBody: overrides.body ?? BODY,
    secret: overrides.secret ?? SECRET,
    nonce: overrides.nonce ?? "01JNA1B2C3D4E5F6G7H8J9K0MN",
    timestamp: overrides.timestamp ?? NOW_SECONDS,
  });
}

describe("verifySinchSignature against Sinch's known-answer vector", () => {
  it("accepts the documented request", () => {
    expect(
      verifySinchSignature({ rawBody: VECTOR.body, headers: vectorHeaders, secret: VECTOR.secret, now: vectorNow }),
    ).toEqual({ ok: true, nonce: VECTOR.nonce, timestamp: 1634579353 });
  });

  it("accepts it as raw bytes and through a fetch Headers object with other casing", () => {
    const headers = new Headers(Object.entries(vectorHeaders).map(([k, v]): [string, string] => [k.toUpperCase(), v]));
    const result = verifySinchSignature({
      rawBody: new TextEncoder().encode(VECTOR.body),
      headers,
      secret: VECTOR.secret,
      now: new Date(vectorNow),
    });
    expect(result.ok).toBe(true);
  });

  it("is reproduced by signSinchPayload", () => {
    const headers = signSinchPayload({
      rawBody: VECTOR.body,
      secret: VECTOR.secret,
      nonce: VECTOR.nonce,
      timestamp: Number(VECTOR.timestamp),
    });
    expect(headers).toEqual(vectorHeaders);
  });

  it("refuses the vector with another secret, a changed body, nonce or timestamp", () => {
    const base = { rawBody: VECTOR.body, headers: vectorHeaders, secret: VECTOR.secret, now: vectorNow };
    const cases = [
      { ...base, secret: "foo_secret1235" },
      { ...base, rawBody: VECTOR.body.replace("New Test Contact", "New Test Contacts") },
      { ...base, rawBody: `${VECTOR.body}\n` },
      { ...base, rawBody: JSON.stringify(JSON.parse(VECTOR.body), null, 2) },
      { ...base, headers: { ...vectorHeaders, [SINCH_NONCE_HEADER]: "01FJA8B4A7BM43YGWSG9GBV068" } },
      { ...base, headers: { ...vectorHeaders, [SINCH_TIMESTAMP_HEADER]: "1634579354" }, now: vectorNow },
    ];
    for (const input of cases) expect(verifySinchSignature(input)).toEqual({ ok: false, reason: "bad_signature" });
  });
});

describe("verifySinchSignature", () => {
  it("accepts a request signed now, and one at the edge of the window either way", () => {
    for (const timestamp of [NOW_SECONDS, NOW_SECONDS - 300, NOW_SECONDS + 300]) {
      const result = verifySinchSignature({ rawBody: BODY, headers: signed({ timestamp }), secret: SECRET, now: NOW });
      expect(result, String(timestamp)).toMatchObject({ ok: true, timestamp });
    }
  });

  it("refuses stale and future timestamps, with a configurable window", () => {
    const check = (timestamp: number, maxSkewSeconds?: number) =>
      verifySinchSignature({ rawBody: BODY, headers: signed({ timestamp }), secret: SECRET, now: NOW, maxSkewSeconds });
    expect(check(NOW_SECONDS - 301)).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(check(NOW_SECONDS - 86_400)).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(check(NOW_SECONDS + 301)).toEqual({ ok: false, reason: "future_timestamp" });
    expect(check(NOW_SECONDS - 61, 60)).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(check(NOW_SECONDS - 59, 60).ok).toBe(true);
  });

  it("refuses a wrong secret, a tampered body and a signature for another body", () => {
    const headers = signed();
    expect(verifySinchSignature({ rawBody: BODY, headers, secret: "other", now: NOW }).ok).toBe(false);
    expect(
      verifySinchSignature({ rawBody: BODY.replace("Grüße", "Grusse"), headers, secret: SECRET, now: NOW }),
    ).toEqual({ ok: false, reason: "bad_signature" });
    const other = signed({ body: "{}" });
    expect(
      verifySinchSignature({
        rawBody: BODY,
        headers: { ...headers, [SINCH_SIGNATURE_HEADER]: other[SINCH_SIGNATURE_HEADER] },
        secret: SECRET,
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses signatures that are empty, truncated, re-encoded or of another length", () => {
    const headers = signed();
    const good = headers[SINCH_SIGNATURE_HEADER]!;
    const bytes = Buffer.from(good, "base64");
    for (const signature of [
      good.slice(0, -1),
      `${good}=`,
      good.replace(/=+$/, ""),
      bytes.toString("base64url"),
      bytes.toString("hex"),
      `${good}AAAA`,
      "not-a-signature",
    ]) {
      const result = verifySinchSignature({
        rawBody: BODY,
        headers: { ...headers, [SINCH_SIGNATURE_HEADER]: signature },
        secret: SECRET,
        now: NOW,
      });
      expect(result, signature).toEqual({ ok: false, reason: "bad_signature" });
    }
  });

  it("refuses a request missing any of the four headers, or with an empty one", () => {
    for (const name of [SINCH_SIGNATURE_HEADER, SINCH_NONCE_HEADER, SINCH_TIMESTAMP_HEADER, SINCH_ALGORITHM_HEADER]) {
      const { [name]: _dropped, ...rest } = signed();
      expect(verifySinchSignature({ rawBody: BODY, headers: rest, secret: SECRET, now: NOW }), name).toEqual({
        ok: false,
        reason: "missing_header",
      });
      expect(
        verifySinchSignature({ rawBody: BODY, headers: { ...signed(), [name]: "" }, secret: SECRET, now: NOW }),
      ).toEqual({ ok: false, reason: "missing_header" });
    }
    expect(verifySinchSignature({ rawBody: BODY, headers: {}, secret: SECRET, now: NOW })).toEqual({
      ok: false,
      reason: "missing_header",
    });
  });

  it("refuses a header sent twice rather than picking one", () => {
    const headers = signed();
    const doubled = { ...headers, [SINCH_SIGNATURE_HEADER]: [headers[SINCH_SIGNATURE_HEADER]!, "x"] };
    expect(verifySinchSignature({ rawBody: BODY, headers: doubled, secret: SECRET, now: NOW }).ok).toBe(false);
    const fetchHeaders = new Headers(headers);
    fetchHeaders.append(SINCH_SIGNATURE_HEADER, "x");
    expect(verifySinchSignature({ rawBody: BODY, headers: fetchHeaders, secret: SECRET, now: NOW })).toEqual({
      ok: false,
      reason: "missing_header",
    });
    const single = { ...headers, [SINCH_SIGNATURE_HEADER]: [headers[SINCH_SIGNATURE_HEADER]!] };
    expect(verifySinchSignature({ rawBody: BODY, headers: single, secret: SECRET, now: NOW }).ok).toBe(true);
  });

  it("refuses unsupported algorithms, and accepts the algorithm name in any case", () => {
    for (const algorithm of ["HmacSHA1", "HmacMD5", "sha256", "none"]) {
      const headers = { ...signed(), [SINCH_ALGORITHM_HEADER]: algorithm };
      expect(verifySinchSignature({ rawBody: BODY, headers, secret: SECRET, now: NOW }), algorithm).toEqual({
        ok: false,
        reason: "unsupported_algorithm",
      });
    }
    const lower = { ...signed(), [SINCH_ALGORITHM_HEADER]: "hmacsha256" };
    expect(verifySinchSignature({ rawBody: BODY, headers: lower, secret: SECRET, now: NOW }).ok).toBe(true);
  });

  it("verifies HmacSHA512 when that is the algorithm announced", () => {
    const headers = signSinchPayload({
      rawBody: BODY,
      secret: SECRET,
      nonce: "n1",
      timestamp: NOW,
      algorithm: "HmacSHA512",
    });
    expect(Buffer.from(headers[SINCH_SIGNATURE_HEADER]!, "base64")).toHaveLength(64);
    expect(verifySinchSignature({ rawBody: BODY, headers, secret: SECRET, now: NOW }).ok).toBe(true);
    const downgraded = { ...headers, [SINCH_ALGORITHM_HEADER]: "HmacSHA256" };
    expect(verifySinchSignature({ rawBody: BODY, headers: downgraded, secret: SECRET, now: NOW }).ok).toBe(false);
  });

  it("refuses malformed timestamps", () => {
    for (const timestamp of ["2025-03-01T12:00:00Z", "-1", "1.5", "0x10", "1e9", "1234567890123", " "]) {
      const headers = { ...signed(), [SINCH_TIMESTAMP_HEADER]: timestamp };
      const result = verifySinchSignature({ rawBody: BODY, headers, secret: SECRET, now: NOW });
      expect(result.ok, timestamp).toBe(false);
    }
    const iso = { ...signed(), [SINCH_TIMESTAMP_HEADER]: "2025-03-01T12:00:00Z" };
    expect(verifySinchSignature({ rawBody: BODY, headers: iso, secret: SECRET, now: NOW })).toEqual({
      ok: false,
      reason: "malformed_timestamp",
    });
  });

  it("refuses a nonce that could shift bytes between body and nonce", () => {
    // Signed as body "{}.a" with nonce "b": the same bytes as body "{}" with nonce "a.b".
    const headers = signSinchPayload({ rawBody: "{}.a", secret: SECRET, nonce: "b", timestamp: NOW });
    expect(verifySinchSignature({ rawBody: "{}.a", headers, secret: SECRET, now: NOW }).ok).toBe(true);
    const shifted = { ...headers, [SINCH_NONCE_HEADER]: "a.b" };
    expect(verifySinchSignature({ rawBody: "{}", headers: shifted, secret: SECRET, now: NOW })).toEqual({
      ok: false,
      reason: "malformed_nonce",
    });
    const long = signSinchPayload({ rawBody: BODY, secret: SECRET, nonce: "n".repeat(257), timestamp: NOW });
    expect(verifySinchSignature({ rawBody: BODY, headers: long, secret: SECRET, now: NOW })).toEqual({
      ok: false,
      reason: "malformed_nonce",
    });
  });

  it("refuses when no secret is configured, even for a request signed with the empty secret", () => {
    const headers = signed({ secret: "" });
    expect(verifySinchSignature({ rawBody: BODY, headers, secret: "", now: NOW })).toEqual({
      ok: false,
      reason: "no_secret",
    });
  });

  it("refuses a replayed nonce, asking only once the request is otherwise valid", () => {
    const seen = new Set<string>();
    const asked: string[] = [];
    const seenNonce = (nonce: string) => {
      asked.push(nonce);
      if (seen.has(nonce)) return true;
      seen.add(nonce);
      return false;
    };
    const headers = signed({ nonce: "01JNREPLAY" });
    expect(verifySinchSignature({ rawBody: BODY, headers, secret: SECRET, now: NOW, seenNonce }).ok).toBe(true);
    expect(verifySinchSignature({ rawBody: BODY, headers, secret: SECRET, now: NOW, seenNonce })).toEqual({
      ok: false,
      reason: "replayed_nonce",
    });
    verifySinchSignature({
      rawBody: BODY,
      headers: signed({ nonce: "forged", secret: "x" }),
      secret: SECRET,
      now: NOW,
      seenNonce,
    });
    verifySinchSignature({
      rawBody: BODY,
      headers: signed({ nonce: "old", timestamp: 1 }),
      secret: SECRET,
      now: NOW,
      seenNonce,
    });
    expect(asked).toEqual(["01JNREPLAY", "01JNREPLAY"]);
  });

  it("defaults to the current time", () => {
    const headers = signSinchPayload({ rawBody: BODY, secret: SECRET, nonce: "n", timestamp: new Date() });
    expect(verifySinchSignature({ rawBody: BODY, headers, secret: SECRET }).ok).toBe(true);
  });
});

describe("signSinchPayload", () => {
  it("refuses an algorithm it cannot compute", () => {
    expect(() =>
      signSinchPayload({ rawBody: BODY, secret: SECRET, nonce: "n", timestamp: 1, algorithm: "HmacSHA1" }),
    ).toThrow(/Unsupported algorithm/);
  });

  it("writes whole Unix seconds for a Date", () => {
    const headers = signSinchPayload({
      rawBody: BODY,
      secret: SECRET,
      nonce: "n",
      timestamp: new Date(1_700_000_000_999),
    });
    expect(headers[SINCH_TIMESTAMP_HEADER]).toBe("1700000000");
  });
});
