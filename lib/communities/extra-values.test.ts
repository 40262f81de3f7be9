import { describe, expect, it } from "vitest";
import { needsUuidAdvice } from "./extra-value-destinations";
import { applyMappings, ZExtraValueSettings } from "./extra-values";

const customerId = {
  label: "Customer ID",
  key: "customer_id",
  associatedType: "identity",
  type: "string",
  regex: "C-[0-9]{4}",
} as const;

describe("extra-value settings", () => {
  it("takes fields and mappings to identity group fields and custom fields", () => {
    const parsed = ZExtraValueSettings.parse({
      customFields: [customerId],
      mappings: [
        { source: "extra_value", extraValueKey: "crm_id", destination: "custom:customer_id" },
        { source: "extra_value", extraValueKey: "company_name", destination: "identity:company" },
        { source: "uuid", destination: "custom:customer_id" },
      ],
    });
    expect(parsed.customFields[0]).toMatchObject({ choices: [], usedForIdentityMerge: false, regex: "C-[0-9]{4}" });
    expect(needsUuidAdvice(parsed)).toBe(false);
  });

  it("refuses duplicate keys, unknown destinations, a bad regex and choices on the wrong type", () => {
    const result = ZExtraValueSettings.safeParse({
      customFields: [
        customerId,
        { ...customerId, regex: "(a)\\1" },
        { label: "Tier", key: "tier", associatedType: "case", type: "single_choice", choices: [] },
      ],
      mappings: [
        { source: "extra_value", extraValueKey: "x", destination: "custom:nope" },
        { source: "extra_value", extraValueKey: "x", destination: "identity:shoe_size" },
      ],
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(paths).toEqual([
      "customFields.1.key",
      "customFields.1.regex",
      "customFields.2.choices",
      "mappings.0.destination",
      "mappings.1.destination",
      "mappings.1.extraValueKey",
    ]);
  });

  it("shows the UUID advice when the UUID goes to a field without a regex", () => {
    const settings = ZExtraValueSettings.parse({
      customFields: [{ ...customerId, regex: "" }],
      mappings: [{ source: "uuid", destination: "custom:customer_id" }],
    });
    expect(needsUuidAdvice(settings)).toBe(true);
    expect(needsUuidAdvice({ ...settings, mappings: [{ source: "uuid", destination: "identity:notes" }] })).toBe(true);
  });
});

describe("applyMappings", () => {
  it("fills mapped fields and drops values a custom field refuses, saying why", () => {
    const settings = ZExtraValueSettings.parse({
      customFields: [customerId, { label: "Visits", key: "visits", associatedType: "identity", type: "integer" }],
      mappings: [
        { source: "extra_value", extraValueKey: "crm_id", destination: "custom:customer_id" },
        { source: "extra_value", extraValueKey: "visits", destination: "custom:visits" },
        { source: "extra_value", extraValueKey: "employer", destination: "identity:company" },
        { source: "uuid", destination: "identity:notes" },
      ],
    });
    const mapped = applyMappings(
      { uuid: "visitor-1", extra_values: { crm_id: "C-1001", visits: "many", employer: "Acme", unmapped: "x" } },
      settings,
    );
    expect(mapped).toEqual({
      fields: { "custom:customer_id": "C-1001", "identity:company": "Acme", "identity:notes": "visitor-1" },
      dropped: [{ source: "visits", destination: "custom:visits", reason: "not_an_integer" }],
    });
    expect(applyMappings({ extra_values: { crm_id: "1001" } }, settings).dropped).toEqual([
      { source: "crm_id", destination: "custom:customer_id", reason: "regex_mismatch" },
    ]);
  });
});
