// The server variables Switchboard keeps, with their defaults and what they mean.
import { z } from "zod";
import { incomingAuthenticationHelp } from "../messaging/service-types";

export const SETTINGS = {
  useLocalHttpAuthentication: {
    label: "Use Local Http Authentication",
    section: "SMS Server",
    // Derived from the service types, so that it stays true when a type is added or changes.
    help: incomingAuthenticationHelp(),
    // On by default: an inbound endpoint that anybody may call is the wrong place to start.
    schema: z.boolean(),
    defaultValue: true,
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
