// Recovery codes: ten one-time codes shown once at enrolment, kept only as hashes. Each carries about
// 50 random bits, too many to guess, so a plain SHA-256 suffices (a slow hash would make sign-in
// check ten of them at argon2 cost).
import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// No i, l, o, 0 or 1: nothing to misread when the codes are copied by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUP = 5;

function randomGroup(): string {
  return Array.from({ length: GROUP }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** Ten new codes, as shown to the user ("abcde-fghjk"). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${randomGroup()}-${randomGroup()}`);
}

/** A code as typed, case, spaces and dashes ignored; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(code: string): string | null {
  const plain = code.replace(/[\s-]+/g, "").toLowerCase();
  return /^[a-z0-9]{10}$/.test(plain) ? plain : null;
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`switchboard-recovery:${normalizeRecoveryCode(code) ?? code}`)
    .digest("hex");
}
