// Previews on the community page and through the API: where an identity's extra values would land under the
// saved mappings (and which would be dropped, and why), and what a custom regex makes of sample values.
// Nothing sent is stored or logged.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { invalid, notFound } from "../errors";
import { ZId } from "../schemas";
import { matchesWhole, regexProblem } from "./custom-fields";
import { applyMappings, storedSettings } from "./extra-values";
import { ZIdentity } from "./identity-schema";
import { requireCommunityCapability } from "./permissions";

export const ZMappingPreviewRequest = z.object({ communityId: ZId, identity: ZIdentity });
export const ZRegexTestRequest = z.object({
  pattern: z.string().min(1, "Enter a regex.").max(500, "Use at most 500 characters."),
  samples: z.array(z.string().max(1000)).max(50, "At most 50 samples."),
});

export const ZMappingPreviewResponse = z.object({
  fields: z.record(z.string(), z.string()),
  dropped: z.array(z.object({ source: z.string(), destination: z.string(), reason: z.string() })),
});
export const ZRegexTestResponse = z.object({
  results: z.array(z.object({ sample: z.string(), matches: z.boolean() })),
});

export async function previewMapping(actor: Actor, input: z.output<typeof ZMappingPreviewRequest>) {
  await requireCommunityCapability(actor, "previewMapping", { id: input.communityId });
  const community = await db().community.findUnique({
    where: { id: input.communityId },
    select: { customFields: true, extraValueMappings: true },
  });
  if (!community) throw notFound("This community");
  return applyMappings(input.identity, storedSettings(community.customFields, community.extraValueMappings));
}

/** Any signed-in console user may try a regex: it touches no record. */
export async function testRegex(_actor: Actor, input: z.output<typeof ZRegexTestRequest>) {
  const problem = regexProblem(input.pattern);
  if (problem) throw invalid({ pattern: [problem] });
  return { results: input.samples.map((sample) => ({ sample, matches: matchesWhole(input.pattern, sample) })) };
}
