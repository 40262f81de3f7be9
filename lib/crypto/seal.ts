// Secret sealing: AES-256-GCM with a versioned, key-identified format, so keys can be rotated.
//
// Keys: SWITCHBOARD_SECRET_KEY (32 bytes as base64, base64url or 64 hex characters) seals and opens.
// Without it, a random key is generated once into <data dir>/secret.key (mode 0600) and used instead.
// SWITCHBOARD_SECRET_KEY_PREVIOUS (comma-separated, same encodings) only opens. When the environment
// key is set, a secret.key file left from before still opens, so switching to an environment key
// loses nothing.
//
// Rotation: generate a key (`generateSecretKey()`, or `openssl rand -base64 32`), move the current one
// into SWITCHBOARD_SECRET_KEY_PREVIOUS, set the new one as SWITCHBOARD_SECRET_KEY, restart, reseal
// every value for which needsReseal() is true, then drop the old key (and delete secret.key).
//
// Sealed format: v1:<keyId>:<iv>:<ciphertext>:<tag>, the last three base64url. keyId is the first
// 8 hex digits of SHA-256 over the key. The "v1:<keyId>" header and the optional associated data
// (the owner the value belongs to) are authenticated, so a value copied to another owner fails to open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "../config/data-dir";

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE = "secret.key";

export type SealErrorCode = "bad_key" | "malformed" | "unknown_key" | "not_authentic";

/** Messages name the key source or key id at most, never a key, a plaintext or a ciphertext. */
export class SealError extends Error {
  constructor(
    readonly code: SealErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SealError";
  }
}

interface Key {
  id: string;
  bytes: Buffer;
}

interface Keyring {
  current: Key;
  /** Every key that may open a value: the current one first. */
  all: Key[];
}

let cache: { fingerprint: string; keyring: Keyring } | undefined;

/** 32 random bytes, base64: a value for SWITCHBOARD_SECRET_KEY. */
export function generateSecretKey(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

/** The id of the key that seals now, as written into sealed values. */
export function currentKeyId(): string {
  return keyring().current.id;
}

export function seal(plain: string, associatedData = ""): string {
  const { current } = keyring();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current.bytes, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(current.id, associatedData));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, current.id, b64url(iv), b64url(ciphertext), b64url(tag)].join(":");
}

export function open(sealed: string, associatedData = ""): string {
  const parts = parse(sealed);
  const candidates = keyring().all.filter((key) => key.id === parts.keyId);
  if (candidates.length === 0) {
    throw new SealError(
      "unknown_key",
      `This secret was sealed with a key that is not configured (key id ${parts.keyId}). ` +
        "Add that key to SWITCHBOARD_SECRET_KEY_PREVIOUS.",
    );
  }
  for (const key of candidates) {
    const plain = tryOpen(key, parts, associatedData);
    if (plain !== undefined) return plain;
  }
  throw new SealError(
    "not_authentic",
    "This secret could not be opened: it was altered, or it belongs to another record.",
  );
}

/** True when the value is not sealed with the current key in the current format: reseal it. */
export function needsReseal(sealed: string): boolean {
  const [version, keyId] = sealed.split(":");
  return version !== VERSION || keyId !== keyring().current.id;
}

/** Whether a stored value looks like a sealed one (it may still fail to open). */
export function isSealed(value: string): boolean {
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

interface SealedParts {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]*$/;

function parse(sealed: string): SealedParts {
  const fields = sealed.split(":");
  const [version, keyId, iv, ciphertext, tag] = fields;
  if (fields.length !== 5 || version !== VERSION || keyId === undefined || !/^[0-9a-f]{8}$/.test(keyId)) {
    throw new SealError("malformed", "This is not a sealed secret in a format this version understands.");
  }
  if (iv === undefined || ciphertext === undefined || tag === undefined || ![iv, ciphertext, tag].every(isB64url)) {
    throw new SealError("malformed", "This sealed secret is damaged.");
  }
  const parts = {
    keyId,
    iv: Buffer.from(iv, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
    tag: Buffer.from(tag, "base64url"),
  };
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) {
    throw new SealError("malformed", "This sealed secret is damaged.");
  }
  return parts;
}

function isB64url(text: string): boolean {
  // Buffer.from() skips characters it does not know; insist on the alphabet and a canonical encoding.
  return B64URL.test(text) && Buffer.from(text, "base64url").toString("base64url") === text;
}

function tryOpen(key: Key, parts: SealedParts, associatedData: string): string | undefined {
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(key.id, associatedData));
  decipher.setAuthTag(parts.tag);
  try {
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

function aad(keyId: string, associatedData: string): Buffer {
  // A NUL separates the header from the caller's data, so neither can be shifted into the other.
  return Buffer.from(`${VERSION}:${keyId}\u0000${associatedData}`, "utf8");
}

function b64url(bytes: Buffer): string {
  return bytes.toString("base64url");
}

function keyring(): Keyring {
  const env = process.env.SWITCHBOARD_SECRET_KEY?.trim();
  const previous = process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS ?? "";
  const file = path.join(dataDir(), KEY_FILE);
  // Rebuilt when the configuration changes (tests, or a process that re-reads its environment).
  const fingerprint = JSON.stringify([env ?? null, previous, file]);
  if (cache?.fingerprint === fingerprint) return cache.keyring;

  const current = env ? toKey(decodeKey(env, "SWITCHBOARD_SECRET_KEY")) : toKey(readOrCreateKeyFile(file));
  const others = previous
    .split(",")
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map((text, index) => toKey(decodeKey(text, `SWITCHBOARD_SECRET_KEY_PREVIOUS (entry ${index + 1})`)));
  if (env) {
    const leftover = readKeyFileIfPresent(file);
    if (leftover) others.push(toKey(leftover));
  }
  const all = [current, ...others.filter((key) => !key.bytes.equals(current.bytes))];
  cache = { fingerprint, keyring: { current, all } };
  return cache.keyring;
}

function toKey(bytes: Buffer): Key {
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

/** A 32-byte key from 64 hex characters or from base64/base64url; anything else is refused. */
export function decodeKey(text: string, source: string): Buffer {
  let bytes: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(text)) {
    bytes = Buffer.from(text, "hex");
  } else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  }
  if (!bytes || bytes.length !== KEY_BYTES) {
    const got = bytes ? `it decodes to ${bytes.length} bytes` : "it is neither hex nor base64";
    throw new SealError(
      "bad_key",
      `${source} must be a ${KEY_BYTES}-byte key written as base64 (44 characters) or hex (64 characters); ${got}.`,
    );
  }
  return bytes;
}

function readKeyFileIfPresent(file: string): Buffer | undefined {
  try {
    return decodeKey(readFileSync(file, "utf8").trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function readOrCreateKeyFile(file: string): Buffer {
  const existing = readKeyFileIfPresent(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true });
  // Written whole under a private name, then linked into place: link() fails if another process got
  // there first (then its key is read below), and nobody ever reads a half-written key file.
  const draft = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(draft, `${generateSecretKey()}\n`, { flag: "wx", mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
  const written = readKeyFileIfPresent(file);
  if (!written) throw new SealError("bad_key", `The key file ${file} could not be created.`);
  return written;
}
