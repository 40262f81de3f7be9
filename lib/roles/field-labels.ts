// How a role's fields read in the audit trail: the role form's own words.
import type { AuditLabels } from "../audit/field-labels";

export const ROLE_AUDIT_LABELS: AuditLabels = {
  fields: { name: "Name", description: "Description", rights: "Rights" },
};
