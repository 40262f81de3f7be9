// Where an extra value lands (an identity group field or a custom field) and the seed's advice about mapping the
// UUID. No schema here: the community page's mapping editor loads it with the page, its validation later.
import type { TExtraValueSettings } from "./extra-values";

/** The predefined fields of an Engage Digital identity group that an extra value can fill. */
export const IDENTITY_GROUP_FIELDS = {
  firstname: "First name",
  lastname: "Last name",
  gender: "Gender",
  company: "Company",
  emails: "Emails",
  home_phones: "Home phones",
  mobile_phones: "Mobile phones",
  notes: "Notes",
} as const;
export type IdentityGroupField = keyof typeof IDENTITY_GROUP_FIELDS;
const IDENTITY_GROUP_FIELD_NAMES = Object.keys(IDENTITY_GROUP_FIELDS) as [IdentityGroupField, ...IdentityGroupField[]];

/** A destination is "identity:<identity group field>" or "custom:<custom field key>". */
export function destinationOf(
  value: string,
): { kind: "identity"; field: IdentityGroupField } | { kind: "custom"; key: string } | null {
  const [kind, name = ""] = value.split(/:(.*)/s);
  if (kind === "identity" && (IDENTITY_GROUP_FIELD_NAMES as string[]).includes(name))
    return { kind, field: name as IdentityGroupField };
  if (kind === "custom" && name) return { kind, key: name };
  return null;
}

export const UUID_ADVICE =
  "If you identify your customers by this ID, map it to a custom field with a custom regex matching your ID: otherwise the automated UUID of visitors you did not identify gets into the field too.";

/** Mapping the UUID to a field without a regex deserves the seed's advice. */
export function needsUuidAdvice(settings: TExtraValueSettings): boolean {
  return settings.mappings.some((mapping) => {
    if (mapping.source !== "uuid") return false;
    const destination = destinationOf(mapping.destination);
    if (destination?.kind !== "custom") return true;
    return !settings.customFields.find((f) => f.key === destination.key)?.regex;
  });
}
