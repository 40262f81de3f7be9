// The server variables Switchboard keeps, with their defaults and what they mean.
import { z } from "zod";

export const SETTINGS = {
  useLocalHttpAuthentication: {
    label: "Use Local Http Authentication",
    section: "SMS Server",
    help: "When on, external systems must authenticate when they deliver to a messaging service (all types but facebook and c4semail), as an external user with the Use right on that service.",
    // On by default: an inbound endpoint that anybody may call is the wrong place to start.
    schema: z.boolean(),
    defaultValue: true,
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
