"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import {
  confirmEnrolment,
  disableSecondFactor,
  regenerateRecoveryCodes,
  startEnrolment,
} from "@/lib/auth/second-factor";
import { ZConfirmEnrolmentRequest, ZIdentityProofRequest } from "@/lib/auth/second-factor-schemas";

// Enrolment is allowed before the second factor a role requires is set up; the rest is not.
export const startEnrolmentAction = defineAction(z.object({}), (actor) => startEnrolment(actor), {
  beforeSecondFactor: true,
});

export const confirmEnrolmentAction = defineAction(ZConfirmEnrolmentRequest, confirmEnrolment, {
  beforeSecondFactor: true,
});

export const disableSecondFactorAction = defineAction(ZIdentityProofRequest, disableSecondFactor);

export const regenerateRecoveryCodesAction = defineAction(ZIdentityProofRequest, regenerateRecoveryCodes);
