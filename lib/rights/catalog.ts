// The object types and accesses that rights are made of, and which accesses make sense for which type.
import type { Access, ObjectType } from "../generated/prisma/enums";

export const OBJECT_TYPES = [
  "messaging_service",
  "user",
  "role",
  "community",
  "sms_channel",
  "audit",
  "settings",
  "api_token",
] as const satisfies readonly ObjectType[];

export const ACCESSES = [
  "view",
  "create",
  "modify",
  "delete",
  "use",
  "manage_rights",
  "export_secrets",
] as const satisfies readonly Access[];

export const OBJECT_TYPE_LABELS = {
  messaging_service: "Messaging services",
  user: "Users",
  role: "Roles",
  community: "Communities",
  sms_channel: "SMS channels",
  audit: "Audit trail",
  settings: "Settings",
  api_token: "API tokens",
} as const satisfies Record<ObjectType, string>;

/** One object of the type, for sentences and audit rows. */
export const OBJECT_TYPE_SINGULAR = {
  messaging_service: "Messaging service",
  user: "User",
  role: "Role",
  community: "Community",
  sms_channel: "SMS channel",
  audit: "Audit trail",
  settings: "Setting",
  api_token: "API token",
} as const satisfies Record<ObjectType, string>;

export const ACCESS_LABELS = {
  view: "View",
  create: "Create",
  modify: "Modify",
  delete: "Delete",
  use: "Use",
  manage_rights: "Manage rights",
  export_secrets: "Export secrets",
} as const satisfies Record<Access, string>;

/**
 * Use is for external users on messaging services; manage_rights is granting roles and rights;
 * export_secrets is reading an SMS channel's secret options in clear in the driver-format export.
 */
export const APPLICABLE_ACCESS = {
  messaging_service: ["view", "create", "modify", "delete", "use"],
  user: ["view", "create", "modify", "delete", "manage_rights"],
  role: ["view", "create", "modify", "delete", "manage_rights"],
  community: ["view", "create", "modify", "delete"],
  sms_channel: ["view", "create", "modify", "delete", "export_secrets"],
  audit: ["view"],
  settings: ["view", "modify"],
  api_token: ["view", "create", "modify", "delete"],
} as const satisfies Record<ObjectType, readonly Access[]>;

/**
 * Whether the console has the area yet. Rights on an area that does not exist cannot be granted and
 * the rights editor does not offer them; building an area flips its entry here.
 */
export const AREA_EXISTS = {
  messaging_service: true,
  user: true,
  role: true,
  community: true,
  sms_channel: true,
  audit: true,
  settings: true,
  api_token: true,
} as const satisfies Record<ObjectType, boolean>;

/** The object types whose rights can be granted today, in catalog order. */
export const GRANTABLE_TYPES: readonly ObjectType[] = OBJECT_TYPES.filter((type) => AREA_EXISTS[type]);

/** Types whose rights can be limited to chosen objects (lib/rights/objects.ts can look them up). */
export const SCOPABLE_TYPES = [
  "messaging_service",
  "user",
  "role",
  "community",
  "sms_channel",
] as const satisfies readonly ObjectType[];

export function isApplicable(objectType: ObjectType, access: Access): boolean {
  return (APPLICABLE_ACCESS[objectType] as readonly Access[]).includes(access);
}

export type { Access, ObjectType };
