// Reading and changing server variables, with rights checked and every change audited.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { readRows } from "../db/read-rows";
import { invalid } from "../errors";
import { Prisma, type Setting } from "../generated/prisma/client";
import { changeRecord, type RecordKind } from "../records/change";
import { SETTING_KEYS, SETTINGS, type SettingKey, type SettingValue } from "./catalog";
import { requireSettingsCapability } from "./permissions";

const SETTING: RecordKind = { objectType: "settings", noun: "setting" };

/** For the server itself (the inbound endpoint): no actor, no rights. */
export async function settingValue<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  // On every view of the services list and of a service: through the driver (lib/db/read-rows.ts).
  const [row] = await readRows<{ value: unknown }>(Prisma.sql`SELECT "value" FROM "Setting" WHERE "key" = ${key}`);
  return settingFromStored(key, row?.value);
}

/** A setting's value from what its row holds (undefined: no row): the default for anything not valid. */
export function settingFromStored<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const parsed = SETTINGS[key].schema.safeParse(stored);
  return (parsed.success ? parsed.data : SETTINGS[key].defaultValue) as SettingValue<K>;
}

export async function listSettings(actor: Actor) {
  await requireSettingsCapability(actor, "view");
  const rows = await db().setting.findMany({ where: { key: { in: SETTING_KEYS } } });
  return SETTING_KEYS.map((key) => {
    const row = rows.find((r) => r.key === key);
    const parsed = SETTINGS[key].schema.safeParse(row?.value);
    return { key, value: parsed.success ? parsed.data : SETTINGS[key].defaultValue, version: row?.version ?? 0 };
  });
}

export const ZUpdateSettingRequest = z.object({
  key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]),
  value: z.unknown().describe("The new value, of the setting's own type (as a read gives it)."),
  /** 0 when the setting has never been saved. */
  version: z.number().int().min(0),
});

export type TUpdateSettingRequest = z.infer<typeof ZUpdateSettingRequest>;

/** `action` is "restore" when a revision is brought back: same right, checks and version as a save. */
export async function updateSetting(
  actor: Actor,
  input: TUpdateSettingRequest,
  action: "modify" | "restore" = "modify",
) {
  await requireSettingsCapability(actor, "modify");
  const definition = SETTINGS[input.key];
  const parsed = definition.schema.safeParse(input.value);
  if (!parsed.success) {
    // A value of the wrong kind gets one sentence; the setting's own checks say what is wrong, line by line.
    const messages = parsed.error.issues.map((issue) =>
      issue.code === "invalid_type" ? `Not a valid value for ${definition.label}.` : issue.message,
    );
    throw invalid({ value: [...new Set(messages)] });
  }
  const value = parsed.data as Prisma.InputJsonValue;
  const before = await settingValue(input.key);
  // A setting never saved has version 0: saving it creates its row, and a concurrent first save is stale.
  return changeRecord<{ version: number }, Setting>(actor, SETTING, {
    action,
    apply: async (tx) => {
      const row =
        input.version === 0
          ? await tx.setting.create({ data: { key: input.key, value } })
          : await tx.setting.update({
              where: { key: input.key, version: input.version },
              data: { value, version: { increment: 1 } },
            });
      return {
        result: row,
        objectId: input.key,
        objectName: definition.label,
        version: row.version,
        changes: { [input.key]: { from: before, to: value } },
        snapshot: { key: input.key, value },
      };
    },
  });
}
