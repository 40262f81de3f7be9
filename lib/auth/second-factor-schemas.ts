// One set of schemas for the second-factor forms and the server that re-checks them.
import { z } from "zod";

export const ZConfirmEnrolmentRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{3}$/, "Enter the 6-digit code your authenticator app shows."),
});

/** Turning the second factor off or replacing recovery codes: a current code or the password. */
export const ZIdentityProofRequest = z.object({
  proof: z.string().trim().min(1, "Enter a code from your authenticator app, or your password.").max(200),
});

export type TConfirmEnrolmentRequest = z.infer<typeof ZConfirmEnrolmentRequest>;
export type TIdentityProofRequest = z.infer<typeof ZIdentityProofRequest>;
