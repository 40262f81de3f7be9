// How a user's fields read in the audit trail: the user form's own words.
import type { AuditLabels } from "../audit/field-labels";

export const USER_AUDIT_LABELS: AuditLabels = {
  fields: {
    logonName: "Logon name",
    firstName: "First name",
    lastName: "Last name",
    email: "E-mail",
    kind: "Kind",
    enabled: "Enabled",
    roles: "Roles",
    rights: "User rights",
    password: "Password",
  },
  values: { kind: { console: "Console user", external: "External user" } },
};
