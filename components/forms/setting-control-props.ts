// What the settings page hands each setting's control: the setting, its current value and version.
import type { SettingKey } from "@/lib/settings/catalog";

export interface SettingControlProps<V> {
  settingKey: SettingKey;
  label: string;
  value: V;
  version: number;
  disabled: boolean;
}
