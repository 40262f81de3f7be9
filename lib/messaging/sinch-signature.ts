// Verifies the signature Sinch's Conversation API puts on the callbacks of a webhook that has a secret.
//
// What Sinch documents (Conversation API, "Validating callbacks": sinch/docs docs/conversation/conversation.md,
// https://developers.sinch.com/docs/conversation/callbacks):
//   x-sinch-webhook-signature-timestamp  UTC timestamp of when the signature was computed (Unix seconds)
//   x-sinch-webhook-signature-nonce      unique nonce, to protect against replay attacks
//   x-sinch-webhook-signature-algorithm  HMAC algorithm used (HmacSHA256)
//   x-sinch-webhook-signature            HMAC(secret, raw body || "." || nonce || "." || timestamp),
//                                        inputs UTF-8 encoded, output base64
// The receiver computes the signature and compares it, checks that the timestamp is within a small
// window of the current time, and checks that the nonce was not seen before.
// Sinch's own SDKs agree, and share the known-answer vector used in the tests: sinch/sinch-sdk-node
// (packages/sdk-client/src/utils/authorization.helper.ts, validateWebhookSignature),
// sinch/sinch-sdk-java (ConversationWebhooksAuthenticationValidation), sinch/sinch-sdk-python.
// Unlike Sinch's Voice and Verification callbacks, the secret is used as its UTF-8 bytes, not base64-decoded.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SINCH_SIGNATURE_HEADER = "x-sinch-webhook-signature";
export const SINCH_NONCE_HEADER = "x-sinch-webhook-signature-nonce";
export const SINCH_TIMESTAMP_HEADER = "x-sinch-webhook-signature-timestamp";
export const SINCH_ALGORITHM_HEADER = "x-sinch-webhook-signature-algorithm";

/** Header names as Sinch's HMAC algorithm names them (Java's Mac names), mapped to node:crypto's. */
const ALGORITHMS: Record<string, "sha256" | "sha512"> = { hmacsha256: "sha256", hmacsha512: "sha512" };
const DEFAULT_ALGORITHM = "HmacSHA256";

const MAX_NONCE_LENGTH = 256;

export type SinchHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export type SinchSignatureFailure =
  | "no_secret"
  | "missing_header"
  | "unsupported_algorithm"
  | "malformed_timestamp"
  | "stale_timestamp"
  | "future_timestamp"
  | "malformed_nonce"
  | "bad_signature"
  | "replayed_nonce";

export type SinchSignatureResult =
  | { ok: true; nonce: string; timestamp: number }
  | { ok: false; reason: SinchSignatureFailure };

export interface VerifySinchSignatureInput {
  /** The body exactly as received: its bytes, or the text decoded from them. Never a re-serialized JSON. */
  rawBody: string | Uint8Array;
  headers: SinchHeaders;
  /** The webhook's secret token, as entered in Sinch's dashboard. */
  secret: string;
  /** The current time: a Date or milliseconds since the epoch (default: now). */
  now?: Date | number;
  /** How far the timestamp may be from now, either way. */
  maxSkewSeconds?: number;
  /**
   * Whether this nonce was already accepted (Sinch asks receivers to track nonces). Checked only once
   * everything else holds, so a forged request cannot burn a nonce. The caller records accepted nonces
   * for at least 2 × maxSkewSeconds.
   */
  seenNonce?: (nonce: string) => boolean;
}

export function verifySinchSignature({
  rawBody,
  headers,
  secret,
  now = Date.now(),
  maxSkewSeconds = 300,
  seenNonce,
}: VerifySinchSignatureInput): SinchSignatureResult {
  if (secret.length === 0) return { ok: false, reason: "no_secret" };

  const signature = header(headers, SINCH_SIGNATURE_HEADER);
  const nonce = header(headers, SINCH_NONCE_HEADER);
  const timestampText = header(headers, SINCH_TIMESTAMP_HEADER);
  const algorithmName = header(headers, SINCH_ALGORITHM_HEADER);
  if (!signature || !nonce || !timestampText || !algorithmName) return { ok: false, reason: "missing_header" };

  const algorithm = ALGORITHMS[algorithmName.toLowerCase()];
  if (!algorithm) return { ok: false, reason: "unsupported_algorithm" };

  // Unix seconds, as Sinch sends them; at most 12 digits keeps the number exact and far from overflow.
  if (!/^\d{1,12}$/.test(timestampText)) return { ok: false, reason: "malformed_timestamp" };
  // A dot in the nonce would let bytes move between body and nonce under the same signature.
  if (nonce.length > MAX_NONCE_LENGTH || /[\s.]/.test(nonce)) return { ok: false, reason: "malformed_nonce" };

  const expected = computeSignature(rawBody, nonce, timestampText, secret, algorithm);
  const given = Buffer.from(signature, "utf8");
  // Comparing the base64 text (not decoded bytes) also refuses any non-canonical encoding.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "bad_signature" };
  }

  // The timestamp is signed, so it is checked after the signature: an attacker learns nothing from it.
  const timestamp = Number(timestampText);
  const nowSeconds = (typeof now === "number" ? now : now.getTime()) / 1000;
  if (timestamp < nowSeconds - maxSkewSeconds) return { ok: false, reason: "stale_timestamp" };
  if (timestamp > nowSeconds + maxSkewSeconds) return { ok: false, reason: "future_timestamp" };

  if (seenNonce?.(nonce)) return { ok: false, reason: "replayed_nonce" };
  return { ok: true, nonce, timestamp };
}

export interface SignSinchPayloadInput {
  rawBody: string | Uint8Array;
  secret: string;
  nonce: string;
  /** Unix seconds, or a Date. */
  timestamp: number | Date;
  algorithm?: string;
}

/** The four headers Sinch would send with this body: for tests, demos and a local simulator. */
export function signSinchPayload({
  rawBody,
  secret,
  nonce,
  timestamp,
  algorithm = DEFAULT_ALGORITHM,
}: SignSinchPayloadInput): Record<string, string> {
  const hash = ALGORITHMS[algorithm.toLowerCase()];
  if (!hash) throw new Error(`Unsupported algorithm ${algorithm}; use HmacSHA256 or HmacSHA512.`);
  const seconds = String(timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp);
  return {
    [SINCH_SIGNATURE_HEADER]: computeSignature(rawBody, nonce, seconds, secret, hash).toString("utf8"),
    [SINCH_NONCE_HEADER]: nonce,
    [SINCH_TIMESTAMP_HEADER]: seconds,
    [SINCH_ALGORITHM_HEADER]: algorithm,
  };
}

/** base64(HMAC(secret, body "." nonce "." timestamp)), as ASCII bytes for a constant-time comparison. */
function computeSignature(
  rawBody: string | Uint8Array,
  nonce: string,
  timestamp: string,
  secret: string,
  algorithm: "sha256" | "sha512",
): Buffer {
  const digest = createHmac(algorithm, Buffer.from(secret, "utf8"))
    .update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody)
    .update(Buffer.from(`.${nonce}.${timestamp}`, "utf8"))
    .digest("base64");
  return Buffer.from(digest, "utf8");
}

/** One header, case-insensitively; a repeated header is refused rather than guessed at. */
function header(headers: SinchHeaders, name: string): string | undefined {
  if (headers instanceof Headers) {
    const value = headers.get(name);
    // Headers.get() joins repeated headers with ", ".
    return value === null || value.includes(",") ? undefined : value.trim();
  }
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    if (typeof value === "string") values.push(value);
    else values.push(...value);
  }
  return values.length === 1 ? values[0]?.trim() : undefined;
}
