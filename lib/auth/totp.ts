// TOTP (RFC 6238) through otplib: 6 digits, 30-second steps, SHA-1, as every authenticator app
// expects. A code is accepted one step either side of now (clock drift), and never at or before
// the last step already used, so a code cannot be replayed.
import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_PERIOD = 30;
export const TOTP_ISSUER = "Switchboard";
/** Seconds of drift tolerated either side: one step. */
const TOLERANCE = TOTP_PERIOD;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, logonName: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: logonName, secret, period: TOTP_PERIOD });
}

/** A code as typed: digits, with spaces allowed (apps show "123 456"). */
export function normalizeTotpCode(code: string): string | null {
  const digits = code.replace(/\s+/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step the code belongs to, or null when it is wrong, outside the window, or not later
 * than `lastStep` (already used, or older than a code already used).
 */
export async function verifyTotp(
  secret: string,
  code: string,
  options: { lastStep?: number | null; now?: Date } = {},
): Promise<number | null> {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  const result = await verify({
    secret,
    token,
    period: TOTP_PERIOD,
    epoch: Math.floor((options.now ?? new Date()).getTime() / 1000),
    epochTolerance: TOLERANCE,
    ...(options.lastStep != null ? { afterTimeStep: options.lastStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
