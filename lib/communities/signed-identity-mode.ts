// What each Signed identities mode decides for an identity that arrives signed or not (seed 002).
import type { SignedIdentityMode } from "./schemas";

export type ModeRefusal = "signed_identity_rejected" | "signature_required";

/** Null when the mode lets the identity through (a signed one still has to verify). */
export function modeRefusal(mode: SignedIdentityMode, signed: boolean): ModeRefusal | null {
  if (signed && mode === "reject") return "signed_identity_rejected";
  if (!signed && mode === "require") return "signature_required";
  return null;
}

export const MODE_REFUSAL_TEXT: Record<ModeRefusal, string> = {
  signed_identity_rejected: "The community rejects JWT signed identities (Reject).",
  signature_required: "The community requires JWT signed identities (Require).",
};
