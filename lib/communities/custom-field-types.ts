// The kinds of custom field a community may have, and the key a new field gets from its label. No regex engine
// and no schema here: the community page's editor loads it with the page (custom-fields.ts holds the rules).

export const CUSTOM_FIELD_TYPES = [
  "string",
  "text",
  "single_choice",
  "multiple_choice",
  "checkbox",
  "integer",
  "float",
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOM_FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
  string: "String",
  text: "Text",
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  checkbox: "Checkbox",
  integer: "Integer",
  float: "Float",
};

export const ASSOCIATED_TYPES = ["identity", "case"] as const;
export type AssociatedType = (typeof ASSOCIATED_TYPES)[number];

export const CHOICE_TYPES: readonly CustomFieldType[] = ["single_choice", "multiple_choice"];

/** "Customer ID (CRM)" → "customer_id_crm": the key a new field gets from its label, editable after. */
export function keyFromLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 100);
}
