// What a pasted JWT key is: an RSA public key of at least 2048 bits (its size and SHA-256 fingerprint), or
// a refusal people understand. A private key is refused before anything parses it, so it is never kept.
import { createHash, createPublicKey, type KeyObject } from "node:crypto";

export const MIN_RSA_BITS = 2048;

export const PRIVATE_KEY_REFUSED =
  "This is a private key: never paste it anywhere. Paste the public key (-----BEGIN PUBLIC KEY-----) instead, and consider the private key exposed if it left the website's server.";

export type RsaPublicKey =
  | { ok: true; pem: string; bits: number; fingerprint: string }
  | { ok: false; message: string };

/** "ab:cd:…", the SHA-256 of the key's DER SubjectPublicKeyInfo, the way openssl shows it. */
export function fingerprintOf(key: KeyObject): string {
  const der = key.export({ type: "spki", format: "der" });
  return createHash("sha256")
    .update(der)
    .digest("hex")
    .replace(/(..)(?!$)/g, "$1:");
}

export function parseRsaPublicKey(text: string): RsaPublicKey {
  // createPublicKey would also accept a private key (and derive its public half): refuse it first.
  if (/PRIVATE KEY-----/.test(text) || /^\s*-----BEGIN (RSA |ENCRYPTED )?PRIVATE/.test(text)) {
    return { ok: false, message: PRIVATE_KEY_REFUSED };
  }
  if (!/-----BEGIN (RSA )?PUBLIC KEY-----/.test(text)) {
    return { ok: false, message: "Paste the PEM text, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----." };
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: "pem" });
  } catch {
    return { ok: false, message: "This is not a readable PEM public key." };
  }
  if (key.asymmetricKeyType !== "rsa") {
    return { ok: false, message: `This is a ${key.asymmetricKeyType ?? "non-RSA"} key; RSA SHA256 needs an RSA key.` };
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    return { ok: false, message: `This key has ${bits} bits; use an RSA key of at least ${MIN_RSA_BITS} bits.` };
  }
  const pem = key.export({ type: "spki", format: "pem" }).toString();
  return { ok: true, pem, bits, fingerprint: fingerprintOf(key) };
}

const SIX_MONTHS_MS = 182.5 * 24 * 60 * 60 * 1000;

/** Keys should rotate: the JWT keys section flags those added more than six months ago. */
export function isOlderThanSixMonths(createdAt: Date, now = new Date()): boolean {
  return now.getTime() - createdAt.getTime() > SIX_MONTHS_MS;
}
