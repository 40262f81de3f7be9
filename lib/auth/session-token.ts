// next-auth's session cookie format (a JWE, "dir" + A256GCM, its key derived from the secret by HKDF), with
// the key derived once per secret. next-auth derives it on every encode and decode: four times per page
// request (the proxy's read and re-issue, getServerSession's read and re-issue), about 6% of a list page's
// server time in a profile.
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";
import { authSecret } from "./secret";

// next-auth's default lifetime, for a caller that gives none (ours always do).
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
const keys = new Map<string, Uint8Array>();

/** The key next-auth derives from the secret and salt (info string and length as in next-auth/jwt). */
export function derivedKey(secret: string | Buffer, salt = ""): Uint8Array {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

export async function encode({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams) {
  return await new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(randomUUID())
    .encrypt(derivedKey(secret, salt));
}

/** The token, or null without one; throws on a token this secret did not make, as next-auth's does. */
export async function decode({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, derivedKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}

/** A session cookie's token, or null for a missing, forged, altered or expired one. */
export async function readSessionToken(cookie: string | undefined, secret = authSecret()): Promise<JWT | null> {
  try {
    return await decode({ token: cookie, secret });
  } catch {
    return null;
  }
}
