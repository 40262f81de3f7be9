// How the settings read in the audit trail and on the settings page: their names, without their schemas (the
// audit trail's labels load in the browser, where the settings' schemas have no business).
import type { AuditLabels } from "../audit/field-labels";

export const SETTING_LABELS = {
  useLocalHttpAuthentication: "Use Local Http Authentication",
  allowedInternalHosts: "Allowed internal hosts",
} as const;

export const SETTINGS_AUDIT_LABELS: AuditLabels = { fields: SETTING_LABELS };
