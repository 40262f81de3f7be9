"use client";
import { Switch } from "radix-ui";
import { updateSettingAction } from "@/app/(console)/settings/actions";
import { toast } from "@/components/ui/toast";
import type { SettingControlProps } from "./setting-control-props";
import { useActionCall } from "./use-action-call";

export function SettingSwitch({ settingKey, label, value, version, disabled }: SettingControlProps<boolean>) {
  const { version: current, busy, save } = useActionCall(version);
  return (
    <Switch.Root
      aria-label={label}
      checked={value}
      disabled={disabled || busy}
      onCheckedChange={async (checked) => {
        const result = await save(updateSettingAction, {
          key: settingKey,
          value: checked,
          version: current ?? version,
        });
        if (result.ok) toast.success(`${label} is ${checked ? "on" : "off"}.`);
        else if (result.code !== "unauthenticated") toast.error(result.formError);
      }}
      className="relative h-6 w-11 shrink-0 rounded-full bg-slate-300 transition-colors data-[state=checked]:bg-brand-600 disabled:opacity-60"
    >
      <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[22px]" />
    </Switch.Root>
  );
}
