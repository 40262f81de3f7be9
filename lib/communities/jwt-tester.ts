// The JWT tester: what the identity endpoint would make of a pasted token, under each mode, with the
// header and claims decoded. Nothing pasted is stored, logged or audited; the actor needs the view right on
// the community (the public endpoint answers the same question to anybody).
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { ZId } from "../schemas";
import { verifyingKeys } from "./identity";
import { checkJwt, JWT_REFUSAL_TEXT } from "./jwt-check";
import { requireCommunityCapability } from "./permissions";
import { SIGNED_IDENTITY_MODES } from "./schemas";
import { MODE_REFUSAL_TEXT, modeRefusal } from "./signed-identity-mode";

export const ZJwtTestRequest = z.object({
  communityId: ZId,
  token: z
    .string()
    .trim()
    .min(1, "Paste a JWT.")
    .max(64 * 1024, "A JWT this long is not one the endpoint would take."),
});

export const ZJwtTestResponse = z.object({
  header: z.record(z.string(), z.unknown()).nullable(),
  claims: z.record(z.string(), z.unknown()).nullable(),
  /** The key that verified the token, or the one its kid named. */
  keyId: z.string().nullable(),
  verified: z.boolean(),
  reason: z.string().nullable(),
  explanation: z.string(),
  currentMode: z.enum(SIGNED_IDENTITY_MODES),
  decisions: z.array(
    z.object({
      mode: z.enum(SIGNED_IDENTITY_MODES),
      accepted: z.boolean(),
      reason: z.string().nullable(),
      explanation: z.string(),
    }),
  ),
});

export type TJwtTestRequest = z.infer<typeof ZJwtTestRequest>;
export type TJwtTestResponse = z.infer<typeof ZJwtTestResponse>;

export async function testJwt(actor: Actor, input: TJwtTestRequest, now = Date.now()): Promise<TJwtTestResponse> {
  await requireCommunityCapability(actor, "testJwt", { id: input.communityId });
  const community = await db().community.findUnique({
    where: { id: input.communityId },
    select: { id: true, signedIdentities: true },
  });
  if (!community) throw notFound("This community");
  const check = await checkJwt(input.token, await verifyingKeys(community.id), now);
  const explanation = check.ok
    ? `Verified with key ${check.keyId}; exp is at least 1 hour ahead.`
    : JWT_REFUSAL_TEXT[check.reason];
  return {
    header: check.header ?? null,
    claims: check.claims ?? null,
    keyId: check.keyId ?? null,
    verified: check.ok,
    reason: check.ok ? null : check.reason,
    explanation,
    currentMode: community.signedIdentities,
    decisions: SIGNED_IDENTITY_MODES.map((mode) => {
      const byMode = modeRefusal(mode, true);
      if (byMode) return { mode, accepted: false, reason: byMode, explanation: MODE_REFUSAL_TEXT[byMode] };
      return check.ok
        ? { mode, accepted: true, reason: null, explanation: "Accepted." }
        : { mode, accepted: false, reason: check.reason, explanation };
    }),
  };
}
