// JWTs made with node:crypto alone: a second implementation, so tests of the verifier (jose) do not
// only check jose against itself.
import { createHmac, generateKeyPairSync, type KeyObject, sign } from "node:crypto";

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function hs256(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = {}) {
  const input = `${part({ alg: "HS256", typ: "JWT", ...header })}.${part(claims)}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

export function rs256(claims: Record<string, unknown>, privateKey: KeyObject, header: Record<string, unknown> = {}) {
  const input = `${part({ alg: "RS256", typ: "JWT", ...header })}.${part(claims)}`;
  return `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
}

/** An unsigned token ("alg": "none"), which every check must refuse. */
export function unsigned(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  return `${part({ alg: "none", typ: "JWT", ...header })}.${part(claims)}.`;
}

export function rsaKeyPair() {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

/** An expiry this many seconds from now, as a JWT's "exp". */
export const expIn = (seconds: number, nowMs = Date.now()) => Math.floor(nowMs / 1000) + seconds;
