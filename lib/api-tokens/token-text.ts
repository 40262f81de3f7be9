// The token's text and what is stored of it. The text is 256 random bits, so SHA-256 of it cannot be
// guessed back; a slow password hash would add nothing but cost to every API call.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "sb_";
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 8;

export function newTokenText(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function tokenHashOf(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The token's first characters, shown in lists to tell tokens apart. */
export function displayPrefixOf(text: string): string {
  return text.slice(0, DISPLAY_LENGTH);
}

/** Cheap shape check before any database read: sb_ and 43 base64url characters. */
export function looksLikeToken(text: string): boolean {
  return /^sb_[A-Za-z0-9_-]{43}$/.test(text);
}
