import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currentKeyId, decodeKey, generateSecretKey, isSealed, needsReseal, open, SealError, seal } from "./seal";

const ENV_NAMES = ["SWITCHBOARD_DATA_DIR", "SWITCHBOARD_SECRET_KEY", "SWITCHBOARD_SECRET_KEY_PREVIOUS"] as const;
const PLAIN = "EAAB-page-token-Ünïcødé-☎";

let saved: Record<string, string | undefined>;
let dir: string;

beforeEach(() => {
  saved = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
  dir = mkdtempSync(path.join(tmpdir(), "switchboard-seal-"));
  process.env.SWITCHBOARD_DATA_DIR = dir;
  delete process.env.SWITCHBOARD_SECRET_KEY;
  delete process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS;
});

afterEach(() => {
  for (const name of ENV_NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  rmSync(dir, { recursive: true, force: true });
});

function sealError(call: () => unknown): SealError {
  try {
    call();
  } catch (error) {
    if (error instanceof SealError) return error;
    throw error;
  }
  throw new Error("Expected a SealError, but the call succeeded.");
}

/** Flips one bit in the decoded bytes of one base64url field of a sealed value. */
function flip(sealed: string, field: 2 | 3 | 4, byte = 0): string {
  const parts = sealed.split(":");
  const bytes = Buffer.from(parts[field]!, "base64url");
  bytes[byte]! ^= 0x01;
  parts[field] = bytes.toString("base64url");
  return parts.join(":");
}

describe("seal and open", () => {
  it("round-trips text, including non-ASCII and the empty string", () => {
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    for (const text of [PLAIN, "", "p@ss:word with spaces", "x".repeat(10_000)]) {
      expect(open(seal(text))).toBe(text);
    }
  });

  it("writes the versioned format with the current key id, and never the plaintext", () => {
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    const sealed = seal(PLAIN);
    expect(sealed).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{22}$/);
    expect(sealed.split(":")[1]).toBe(currentKeyId());
    expect(sealed).not.toContain(PLAIN);
    expect(sealed).not.toContain(Buffer.from(PLAIN).toString("base64url"));
    expect(isSealed(sealed)).toBe(true);
  });

  it("uses a fresh IV each time, so sealing the same text twice differs", () => {
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    const first = seal(PLAIN);
    const second = seal(PLAIN);
    expect(first).not.toBe(second);
    expect(first.split(":")[2]).not.toBe(second.split(":")[2]);
  });

  it("detects a flipped bit in the IV, the ciphertext or the tag", () => {
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    const sealed = seal(PLAIN);
    for (const field of [2, 3, 4] as const) {
      const error = sealError(() => open(flip(sealed, field)));
      expect(error.code).toBe("not_authentic");
    }
    const lastCipherByte = Buffer.from(sealed.split(":")[3]!, "base64url").length - 1;
    expect(sealError(() => open(flip(sealed, 3, lastCipherByte))).code).toBe("not_authentic");
  });

  it("detects a truncated or extended ciphertext", () => {
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    const parts = seal(PLAIN).split(":");
    const cipher = Buffer.from(parts[3]!, "base64url");
    const shorter = [...parts.slice(0, 3), cipher.subarray(1).toString("base64url"), parts[4]].join(":");
    const longer = [...parts.slice(0, 3), Buffer.concat([cipher, Buffer.from([0])]).toString("base64url"), parts[4]];
    expect(sealError(() => open(shorter)).code).toBe("not_authentic");
    expect(sealError(() => open(longer.join(":"))).code).toBe("not_authentic");
  });

  it("binds a value to its associated data (its owner)", () => {
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    const sealed = seal(PLAIN, "messaging_credential:1f0c");
    expect(open(sealed, "messaging_credential:1f0c")).toBe(PLAIN);
    expect(sealError(() => open(sealed, "messaging_credential:9e2d")).code).toBe("not_authentic");
    expect(sealError(() => open(sealed)).code).toBe("not_authentic");
    expect(sealError(() => open(seal(PLAIN), "messaging_credential:1f0c")).code).toBe("not_authentic");
  });

  it("refuses a value sealed under another key id with a message that names the key id", () => {
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    const sealed = seal(PLAIN);
    const id = sealed.split(":")[1]!;
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    const error = sealError(() => open(sealed));
    expect(error.code).toBe("unknown_key");
    expect(error.message).toContain(id);
    expect(error.message).toContain("SWITCHBOARD_SECRET_KEY_PREVIOUS");
  });

  it("refuses a value whose key id was rewritten to the current key's (the header is authenticated)", () => {
    const oldKey = generateSecretKey();
    process.env.SWITCHBOARD_SECRET_KEY = oldKey;
    const sealed = seal(PLAIN);
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    const forged = sealed.split(":");
    forged[1] = currentKeyId();
    expect(sealError(() => open(forged.join(":"))).code).toBe("not_authentic");
  });

  it("refuses malformed values", () => {
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    const good = seal(PLAIN).split(":");
    const bad = [
      "",
      PLAIN,
      "v1",
      "v2:00000000:a:b:c",
      good.slice(0, 4).join(":"),
      [...good, "extra"].join(":"),
      ["v1", "XYZ", ...good.slice(2)].join(":"),
      [...good.slice(0, 2), "short", ...good.slice(3)].join(":"),
      [...good.slice(0, 3), "not base64!", good[4]].join(":"),
      [...good.slice(0, 4), good[4]!.slice(0, 10)].join(":"),
    ];
    for (const value of bad) {
      expect(sealError(() => open(value)).code, value).toBe("malformed");
      expect(isSealed(value)).toBe(false);
    }
  });

  it("never puts the plaintext, the ciphertext or the key in an error message", () => {
    const key = generateSecretKey();
    process.env.SWITCHBOARD_SECRET_KEY = key;
    const sealed = seal(PLAIN, "owner-1");
    const cipher = sealed.split(":")[3]!;
    const messages = [
      sealError(() => open(sealed, "owner-2")).message,
      sealError(() => open(flip(sealed, 3))).message,
      sealError(() => open(`${sealed}:x`)).message,
    ];
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    messages.push(sealError(() => open(sealed)).message);
    process.env.SWITCHBOARD_SECRET_KEY = PLAIN;
    messages.push(sealError(() => seal("x")).message);
    for (const message of messages) {
      expect(message).not.toContain(PLAIN);
      expect(message).not.toContain(cipher);
      expect(message).not.toContain(key);
    }
  });
});

describe("rotation", () => {
  it("opens values sealed with a previous key, seals with the current one, and flags them for resealing", () => {
    const oldKey = generateSecretKey();
    process.env.SWITCHBOARD_SECRET_KEY = oldKey;
    const oldSealed = seal(PLAIN, "owner");
    expect(needsReseal(oldSealed)).toBe(false);

    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS = ` ${generateSecretKey()} , ${oldKey} ,`;
    expect(open(oldSealed, "owner")).toBe(PLAIN);
    expect(needsReseal(oldSealed)).toBe(true);

    const resealed = seal(open(oldSealed, "owner"), "owner");
    expect(resealed.split(":")[1]).toBe(currentKeyId());
    expect(resealed.split(":")[1]).not.toBe(oldSealed.split(":")[1]);
    expect(needsReseal(resealed)).toBe(false);

    delete process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS;
    expect(open(resealed, "owner")).toBe(PLAIN);
    expect(sealError(() => open(oldSealed, "owner")).code).toBe("unknown_key");
  });

  it("flags values in an unknown format for resealing", () => {
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    expect(needsReseal("v0:whatever")).toBe(true);
    expect(needsReseal("")).toBe(true);
  });

  it("accepts the same key in hex, base64 and base64url, with the same key id", () => {
    const bytes = randomBytes(32);
    const ids = [bytes.toString("hex"), bytes.toString("base64"), bytes.toString("base64url")].map((text) => {
      process.env.SWITCHBOARD_SECRET_KEY = text;
      return currentKeyId();
    });
    expect(new Set(ids).size).toBe(1);
    process.env.SWITCHBOARD_SECRET_KEY = bytes.toString("hex").toUpperCase();
    expect(currentKeyId()).toBe(ids[0]);
  });

  it("refuses keys of the wrong length or encoding with a clear message", () => {
    for (const text of [
      randomBytes(16).toString("base64"),
      randomBytes(31).toString("hex"),
      randomBytes(33).toString("base64"),
      "correct horse battery staple",
    ]) {
      process.env.SWITCHBOARD_SECRET_KEY = text;
      const error = sealError(() => seal(PLAIN));
      expect(error.code).toBe("bad_key");
      expect(error.message).toContain("SWITCHBOARD_SECRET_KEY must be a 32-byte key");
      expect(error.message).not.toContain(text);
    }
    expect(decodeKey(randomBytes(32).toString("base64"), "x")).toHaveLength(32);
  });

  it("names the faulty entry of SWITCHBOARD_SECRET_KEY_PREVIOUS", () => {
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS = `${generateSecretKey()},abc`;
    const error = sealError(() => seal(PLAIN));
    expect(error.code).toBe("bad_key");
    expect(error.message).toContain("SWITCHBOARD_SECRET_KEY_PREVIOUS (entry 2)");
  });
});

describe("the generated key file", () => {
  const keyFile = () => path.join(dir, "secret.key");

  it("is created on first use with mode 0600, in the data directory, and reused afterwards", () => {
    expect(existsSync(keyFile())).toBe(false);
    const sealed = seal(PLAIN);
    expect(existsSync(keyFile())).toBe(true);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["secret.key"]);
    const contents = readFileSync(keyFile(), "utf8");
    expect(decodeKey(contents.trim(), "file")).toHaveLength(32);

    // A different data directory sees a different key; coming back finds the same file again.
    const elsewhere = mkdtempSync(path.join(tmpdir(), "switchboard-seal-other-"));
    process.env.SWITCHBOARD_DATA_DIR = elsewhere;
    expect(sealError(() => open(sealed)).code).toBe("unknown_key");
    rmSync(elsewhere, { recursive: true, force: true });
    process.env.SWITCHBOARD_DATA_DIR = dir;
    expect(open(sealed)).toBe(PLAIN);
    expect(readFileSync(keyFile(), "utf8")).toBe(contents);
  });

  it("uses a key file that already exists (written by another process first)", () => {
    const key = randomBytes(32);
    writeFileSync(keyFile(), `${key.toString("base64")}\n`, { mode: 0o600 });
    const sealed = seal(PLAIN);
    process.env.SWITCHBOARD_DATA_DIR = mkdtempSync(path.join(tmpdir(), "switchboard-seal-env-"));
    process.env.SWITCHBOARD_SECRET_KEY = key.toString("hex");
    expect(open(sealed)).toBe(PLAIN);
    rmSync(process.env.SWITCHBOARD_DATA_DIR, { recursive: true, force: true });
  });

  it("refuses a damaged key file rather than overwriting it", () => {
    writeFileSync(keyFile(), "not a key\n");
    const error = sealError(() => seal(PLAIN));
    expect(error.code).toBe("bad_key");
    expect(readFileSync(keyFile(), "utf8")).toBe("not a key\n");
  });

  it("still opens old values after switching to an environment key, and is not written then", () => {
    const sealedWithFile = seal(PLAIN);
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    expect(open(sealedWithFile)).toBe(PLAIN);
    expect(needsReseal(sealedWithFile)).toBe(true);

    // Once the file is gone (and the configuration is read again), the old values no longer open.
    rmSync(keyFile());
    process.env.SWITCHBOARD_SECRET_KEY = generateSecretKey();
    expect(sealError(() => open(sealedWithFile)).code).toBe("unknown_key");
    seal(PLAIN);
    expect(existsSync(keyFile())).toBe(false);
  });
});
