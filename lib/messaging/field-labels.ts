// How a messaging service's fields read in the audit trail: the service form's own words.
import type { AuditLabels } from "../audit/field-labels";
import { MESSAGING_SERVICE_TYPES, serviceTypeDefinition } from "./service-types";

export const MESSAGING_SERVICE_AUDIT_LABELS: AuditLabels = {
  fields: {
    name: "Name",
    type: "Type",
    serviceConnection: "Service Connection",
    credentials: "Authentications",
  },
  values: { type: Object.fromEntries(MESSAGING_SERVICE_TYPES.map((t) => [t, serviceTypeDefinition(t).label])) },
};
