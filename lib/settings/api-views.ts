// How the server variables read in /api/v1: each with its value and version. The value's schema is the
// setting's own from the catalog, so the OpenAPI document says per key what a value looks like.
import { z } from "zod";
import { SETTING_KEYS, SETTINGS, type SettingKey } from "./catalog";

const settingOf = (key: SettingKey) =>
  z.object({
    key: z.literal(key),
    value: SETTINGS[key].schema,
    version: z.number().int().min(0).describe("0 until the setting is first saved."),
  });

export const ZSettingResponse = z
  .discriminatedUnion(
    "key",
    SETTING_KEYS.map(settingOf) as unknown as [ReturnType<typeof settingOf>, ...ReturnType<typeof settingOf>[]],
  )
  .describe("One server variable: its value has the setting's own type.");

export const ZSettingListResponse = z.object({ rows: z.array(ZSettingResponse) });

export type TSettingResponse = z.input<typeof ZSettingResponse>;
export type TSettingListResponse = z.input<typeof ZSettingListResponse>;
