// The roles every installation has. Their rights are fixed here and re-applied at each start.
import { type Access, APPLICABLE_ACCESS, OBJECT_TYPES, type ObjectType } from "./catalog";

export type BuiltInRoleKey = "administrator" | "operator" | "auditor" | "integration";

export interface RightSpec {
  objectType: ObjectType;
  access: Access;
  objectId?: string | null;
}

interface BuiltInRole {
  key: BuiltInRoleKey;
  name: string;
  description: string;
  rights: RightSpec[];
}

const viewOf = (types: readonly ObjectType[]): RightSpec[] =>
  types.map((objectType) => ({ objectType, access: "view" }));

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    key: "administrator",
    name: "Administrator",
    description: "Everything, including granting rights.",
    rights: OBJECT_TYPES.flatMap((objectType) =>
      APPLICABLE_ACCESS[objectType].map((access): RightSpec => ({ objectType, access })),
    ),
  },
  {
    key: "operator",
    name: "Operator",
    description: "Views everything but the audit trail; creates and modifies messaging services and SMS channels.",
    rights: [
      ...viewOf(OBJECT_TYPES.filter((type) => type !== "audit")),
      { objectType: "messaging_service", access: "create" },
      { objectType: "messaging_service", access: "modify" },
      { objectType: "sms_channel", access: "create" },
      { objectType: "sms_channel", access: "modify" },
    ],
  },
  {
    key: "auditor",
    name: "Auditor",
    description: "Views everything, including the audit trail.",
    rights: viewOf(OBJECT_TYPES),
  },
  {
    key: "integration",
    name: "Integration",
    description: "Uses messaging services; meant for external users that call in.",
    rights: [{ objectType: "messaging_service", access: "use" }],
  },
];
