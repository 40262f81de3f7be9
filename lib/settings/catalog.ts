// The server variables Switchboard keeps, with their defaults and what they mean.
import { z } from "zod";
import { ZAllowedInternalHosts } from "../messaging/address-policy";
import { incomingAuthenticationHelp } from "../messaging/service-types";
import { SETTING_LABELS } from "./field-labels";

export const SETTINGS = {
  useLocalHttpAuthentication: {
    label: SETTING_LABELS.useLocalHttpAuthentication,
    section: "SMS Server",
    // Derived from the service types, so that it stays true when a type is added or changes.
    help: incomingAuthenticationHelp(),
    // On by default: an inbound endpoint that anybody may call is the wrong place to start.
    schema: z.boolean(),
    defaultValue: true,
  },
  allowedInternalHosts: {
    label: SETTING_LABELS.allowedInternalHosts,
    section: "Connection test",
    help: "The connection test reaches only public addresses. List here, one per line, the internal hosts it may reach as well: host names (all their addresses are allowed), IP addresses or CIDR ranges such as 10.20.0.0/16. Cloud metadata services are never reached.",
    schema: ZAllowedInternalHosts,
    defaultValue: [] as string[],
  },
} as const satisfies Record<keyof typeof SETTING_LABELS, unknown>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
