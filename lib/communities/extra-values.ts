// Custom fields and extra-value mappings of a community: one document per community, always read, checked
// and written whole (a mapping names a custom field of the same document), so it lives in two JSON columns
// of the community and changes with its version, audit row and revision like any of its fields.
import { z } from "zod";
import { ASSOCIATED_TYPES, CHOICE_TYPES, CUSTOM_FIELD_TYPES, type CustomFieldType } from "./custom-field-types";
import { regexProblem, valueProblem } from "./custom-fields";
import { destinationOf } from "./extra-value-destinations";
import type { TIdentity } from "./identity-schema";
import { KEY_ID_PATTERN } from "./schemas";

export const MAX_CUSTOM_FIELDS = 100;
export const MAX_MAPPINGS = 200;

export const ZCustomField = z
  .object({
    label: z.string().trim().min(1, "Enter a label.").max(100, "Use at most 100 characters."),
    key: z
      .string()
      .trim()
      .min(1, "Enter a key.")
      .max(100, "Use at most 100 characters.")
      .regex(KEY_ID_PATTERN, "Use only a-z, 0-9 and _."),
    associatedType: z.enum(ASSOCIATED_TYPES, "Choose Identity or Case."),
    type: z.enum(CUSTOM_FIELD_TYPES, "Choose a type."),
    choices: z.array(z.string().trim().min(1, "A choice cannot be empty.").max(100)).max(100).default([]),
    usedForIdentityMerge: z.boolean().default(false),
    regex: z
      .string()
      .max(500, "Use at most 500 characters.")
      .transform((value) => (value.trim() === "" ? null : value))
      .nullable()
      .default(null),
  })
  .superRefine((field, ctx) => {
    const isChoice = CHOICE_TYPES.includes(field.type);
    if (isChoice && field.choices.length === 0) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "Add at least one choice." });
    }
    if (!isChoice && field.choices.length > 0) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "Only choice types have choices." });
    }
    if (new Set(field.choices).size !== field.choices.length) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "Each choice once." });
    }
    const problem = field.regex === null ? null : regexProblem(field.regex);
    if (problem) ctx.addIssue({ code: "custom", path: ["regex"], message: problem });
  });

export const ZMapping = z.discriminatedUnion(
  "source",
  [
    z.object({
      source: z.literal("extra_value"),
      extraValueKey: z.string().trim().min(1, "Enter the extra value's key.").max(200, "Use at most 200 characters."),
      destination: z.string().min(1, "Choose a destination."),
    }),
    // The visitor's UUID, mapped as if it were an extra value (seed 002).
    z.object({ source: z.literal("uuid"), destination: z.string().min(1, "Choose a destination.") }),
  ],
  "Choose an extra value or the UUID.",
);

export const ZExtraValueSettings = z
  .object({
    customFields: z.array(ZCustomField).max(MAX_CUSTOM_FIELDS, `At most ${MAX_CUSTOM_FIELDS} custom fields.`),
    mappings: z.array(ZMapping).max(MAX_MAPPINGS, `At most ${MAX_MAPPINGS} mappings.`),
  })
  .superRefine((settings, ctx) => {
    const keys = new Map<string, number>();
    settings.customFields.forEach((field, index) => {
      if (keys.has(field.key)) {
        ctx.addIssue({ code: "custom", path: ["customFields", index, "key"], message: "Another field has this key." });
      }
      keys.set(field.key, index);
    });
    const sources = new Set<string>();
    settings.mappings.forEach((mapping, index) => {
      const source = mapping.source === "uuid" ? "\u0000uuid" : mapping.extraValueKey;
      if (sources.has(source)) {
        const message =
          mapping.source === "uuid" ? "The UUID is mapped already." : "This extra value is mapped already.";
        ctx.addIssue({
          code: "custom",
          path: ["mappings", index, mapping.source === "uuid" ? "source" : "extraValueKey"],
          message,
        });
      }
      sources.add(source);
      const destination = destinationOf(mapping.destination);
      if (!destination || (destination.kind === "custom" && !keys.has(destination.key))) {
        ctx.addIssue({
          code: "custom",
          path: ["mappings", index, "destination"],
          message: "Choose an identity group field or one of this community's custom fields.",
        });
      }
    });
  });

export const ZUpdateExtraValuesRequest = ZExtraValueSettings.safeExtend({
  communityId: z.uuid("Not a valid identifier."),
  version: z.number().int().positive(),
});

export type TCustomField = z.output<typeof ZCustomField>;
export type TMapping = z.output<typeof ZMapping>;
export type TExtraValueSettings = z.output<typeof ZExtraValueSettings>;
export type TUpdateExtraValuesRequest = z.output<typeof ZUpdateExtraValuesRequest>;

/** The stored document, read defensively: a column that no longer parses counts as empty. */
export function storedSettings(customFields: unknown, mappings: unknown): TExtraValueSettings {
  const parsed = ZExtraValueSettings.safeParse({ customFields, mappings });
  return parsed.success ? parsed.data : { customFields: [], mappings: [] };
}

export interface MappedValues {
  /** Destination ("identity:firstname", "custom:customer_id") → value. */
  fields: Record<string, string>;
  dropped: { source: string; destination: string; reason: string }[];
}

/** Where an identity's extra values (and UUID) land; values a custom field refuses are dropped, with why. */
export function applyMappings(identity: TIdentity, settings: TExtraValueSettings): MappedValues {
  const result: MappedValues = { fields: {}, dropped: [] };
  for (const mapping of settings.mappings) {
    const source = mapping.source === "uuid" ? "uuid" : mapping.extraValueKey;
    const value = mapping.source === "uuid" ? identity.uuid : identity.extra_values?.[mapping.extraValueKey];
    if (value === undefined) continue;
    const destination = destinationOf(mapping.destination);
    if (!destination) continue;
    if (destination.kind === "custom") {
      const field = settings.customFields.find((f) => f.key === destination.key);
      if (!field) continue;
      const problem = valueProblem(
        { type: field.type as CustomFieldType, choices: field.choices, regex: field.regex },
        value,
      );
      if (problem) {
        result.dropped.push({ source, destination: mapping.destination, reason: problem });
        continue;
      }
    } else if (value.length > 1000) {
      result.dropped.push({ source, destination: mapping.destination, reason: "too_long" });
      continue;
    }
    result.fields[mapping.destination] = value;
  }
  return result;
}
