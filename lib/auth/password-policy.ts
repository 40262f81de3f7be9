// What a new password must be: 12 to 128 characters, no composition rules, not a common password.
import { zSecretText } from "../schemas";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** The length rule, shared by forms and server. */
export const ZNewPassword = zSecretText(PASSWORD_MAX).min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`);

let common: Promise<Set<string>> | undefined;

function commonPasswords(): Promise<Set<string>> {
  // About 49,000 leaked passwords; loaded on first use and only on the server.
  common ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"].map((p) => p.toLowerCase())),
  );
  return common;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.toLowerCase());
}

/** The message for a password that passes the length rule but is still refused, or null. */
export async function passwordProblem(password: string, logonName?: string): Promise<string | null> {
  if (await isCommonPassword(password)) return "This is one of the most common passwords. Choose another.";
  if (logonName && password.toLowerCase() === logonName.toLowerCase()) return "The password cannot be the logon name.";
  return null;
}
