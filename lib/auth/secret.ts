// The key that signs and encrypts session cookies: NEXTAUTH_SECRET, or a random one kept under data/.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "../config/data-dir";

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) {
    cached = fromEnv;
    return cached;
  }
  const file = path.join(dataDir(), "session.key");
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true });
    // "wx" fails if another process wrote the file first; then that one's key is read below.
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  cached = readFileSync(file, "utf8").trim();
  return cached;
}

/** Cookies get the Secure flag and the __Secure- prefix when the console is served over HTTPS. */
export function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
