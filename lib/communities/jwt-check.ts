// Checking a signed identity against a community's keys, as the seed requires: alg HS256 or RS256 and
// matching the key's type (every other alg, "none" included, refused), the key chosen by the header's kid,
// the signature verified, and "exp" present and at least one hour ahead. The identity endpoint and the JWT
// tester both ask this, so the tester says exactly what the endpoint would do. Pure apart from the crypto.
import { createPublicKey } from "node:crypto";
import { compactVerify, decodeProtectedHeader } from "jose";

export const ALLOWED_ALGORITHMS = { HS256: "hmac", RS256: "rsa" } as const;
export const MIN_EXP_AHEAD_SECONDS = 3600;

export type JwtRefusal =
  | "malformed_token"
  | "algorithm_not_allowed"
  | "missing_kid"
  | "unknown_kid"
  | "algorithm_key_mismatch"
  | "bad_signature"
  | "missing_exp"
  | "exp_too_soon";

export const JWT_REFUSAL_TEXT: Record<JwtRefusal, string> = {
  malformed_token: "This is not a compact JWT (three base64url parts separated by dots).",
  algorithm_not_allowed: 'The header\'s "alg" must be HS256 or RS256.',
  missing_kid: 'The header has no "kid": it must name one of the community\'s Key IDs.',
  unknown_kid: 'The header\'s "kid" names no key of this community.',
  algorithm_key_mismatch: "The algorithm does not match the key's type (HS256 needs an HMAC key, RS256 an RSA key).",
  bad_signature: "The signature does not verify with that key.",
  missing_exp: 'The token has no "exp" (expiry) claim.',
  exp_too_soon: 'The token\'s "exp" is less than 1 hour in the future.',
};

/** A key with its material ready to verify with: the HMAC secret opened, or the RSA public key's PEM. */
export interface VerifyingKey {
  keyId: string;
  kind: "hmac" | "rsa";
  material: string;
}

export type JwtCheck =
  | { ok: true; keyId: string; header: Record<string, unknown>; claims: Record<string, unknown> }
  | {
      ok: false;
      reason: JwtRefusal;
      /** Decoded for the tester; absent when the token could not be decoded. */
      header?: Record<string, unknown>;
      claims?: Record<string, unknown>;
      keyId?: string;
    };

/** Whether a request body's text looks like a compact JWS rather than JSON. */
export function looksLikeJwt(text: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text.trim());
}

/** The claims part decoded without verifying anything, for the tester (never trusted). */
export function decodeClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split(".")[1];
  if (!part) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function checkJwt(
  token: string,
  keys: readonly VerifyingKey[],
  nowMs: number = Date.now(),
): Promise<JwtCheck> {
  const compact = token.trim();
  let header: Record<string, unknown>;
  try {
    if (!looksLikeJwt(compact)) throw new Error("not compact");
    header = decodeProtectedHeader(compact) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: "malformed_token" };
  }
  const claims = decodeClaims(compact);
  if (!claims) return { ok: false, reason: "malformed_token", header };
  const refuse = (reason: JwtRefusal, keyId?: string): JwtCheck => ({ ok: false, reason, header, claims, keyId });

  const alg = header.alg;
  if (alg !== "HS256" && alg !== "RS256") return refuse("algorithm_not_allowed");
  if (typeof header.kid !== "string" || header.kid.length === 0) return refuse("missing_kid");
  const key = keys.find((k) => k.keyId === header.kid);
  if (!key) return refuse("unknown_kid");
  if (ALLOWED_ALGORITHMS[alg] !== key.kind) return refuse("algorithm_key_mismatch", key.keyId);

  try {
    // The 24 characters themselves are the HMAC key, as a website's JWT library takes a string secret.
    const verifyWith = key.kind === "hmac" ? new TextEncoder().encode(key.material) : createPublicKey(key.material);
    await compactVerify(compact, verifyWith, { algorithms: [alg] });
  } catch {
    return refuse("bad_signature", key.keyId);
  }
  if (typeof claims.exp !== "number" || !Number.isFinite(claims.exp)) return refuse("missing_exp", key.keyId);
  if (claims.exp < nowMs / 1000 + MIN_EXP_AHEAD_SECONDS) return refuse("exp_too_soon", key.keyId);
  return { ok: true, keyId: key.keyId, header, claims };
}
