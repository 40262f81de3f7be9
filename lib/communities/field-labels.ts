// How a community's fields read in the audit trail: the community page's own words.
import type { AuditLabels } from "../audit/field-labels";

export const SIGNED_IDENTITY_LABELS = {
  accept: "Accept JWT signed identities",
  reject: "Reject JWT signed identities",
  require: "Require JWT signed identities",
} as const;

export const COMMUNITY_AUDIT_LABELS: AuditLabels = {
  fields: {
    name: "Name",
    signedIdentities: "Signed identities",
    jwtKeys: "JWT keys",
    customFields: "Custom fields",
    extraValueMappings: "Extra value mappings",
  },
  values: { signedIdentities: SIGNED_IDENTITY_LABELS },
};
