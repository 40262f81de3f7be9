// How an SMS channel's fields read in the audit trail: the driver's option names, as the form shows them
// beside their labels (administrators search the driver's documentation by those names).
import type { AuditLabels } from "../audit/field-labels";
import { SMS_OPTIONS } from "./options";

export const SMS_CHANNEL_AUDIT_LABELS: AuditLabels = {
  fields: {
    name: "Name",
    ...Object.fromEntries(SMS_OPTIONS.map((option) => [option.name, option.name])),
  },
};
