// Which words the audit trail uses for each object type's fields and stored values. Each area keeps
// its own table next to its schema; a field no table knows is still shown, in words made from its key.
import { COMMUNITY_AUDIT_LABELS } from "../communities/field-labels";
import { MESSAGING_SERVICE_AUDIT_LABELS } from "../messaging/field-labels";
import { ROLE_AUDIT_LABELS } from "../roles/field-labels";
import { SETTINGS_AUDIT_LABELS } from "../settings/field-labels";
import { SMS_CHANNEL_AUDIT_LABELS } from "../sms/field-labels";
import { USER_AUDIT_LABELS } from "../users/field-labels";

export interface AuditLabels {
  /** Field key → the label the console's form gives it. */
  fields: Record<string, string>;
  /** Field key → stored value → how people call it (a service type's name, not its key). */
  values?: Record<string, Record<string, string>>;
}

const BY_OBJECT_TYPE: Record<string, AuditLabels> = {
  user: USER_AUDIT_LABELS,
  role: ROLE_AUDIT_LABELS,
  messaging_service: MESSAGING_SERVICE_AUDIT_LABELS,
  settings: SETTINGS_AUDIT_LABELS,
  community: COMMUNITY_AUDIT_LABELS,
  sms_channel: SMS_CHANNEL_AUDIT_LABELS,
};

/** "useLocalHttpAuthentication" → "Use local http authentication", for fields no table names yet. */
export function wordsOfKey(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(objectType: string | null, field: string): string {
  return (objectType && BY_OBJECT_TYPE[objectType]?.fields[field]) || wordsOfKey(field);
}

/** Where a field comes in its form, so that changes read in the form's order (stored JSON keeps none). */
export function fieldOrder(objectType: string | null, field: string): number {
  const fields = objectType ? BY_OBJECT_TYPE[objectType]?.fields : undefined;
  const index = fields ? Object.keys(fields).indexOf(field) : -1;
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

export function valueLabel(objectType: string | null, field: string, value: string): string {
  return (objectType && BY_OBJECT_TYPE[objectType]?.values?.[field]?.[value]) || value;
}
