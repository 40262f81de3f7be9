"use client";
import { useRouter } from "next/navigation";
import { Switch } from "radix-ui";
import { useState } from "react";
import { toast } from "sonner";
import { updateSettingAction } from "@/app/(console)/settings/actions";
import { callAction } from "@/components/forms/call-action";
import type { SettingControlProps } from "./setting-control-props";

export function SettingSwitch({ settingKey, label, value, version, disabled }: SettingControlProps<boolean>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Switch.Root
      aria-label={label}
      checked={value}
      disabled={disabled || pending}
      onCheckedChange={async (checked) => {
        setPending(true);
        const result = await callAction(updateSettingAction, { key: settingKey, value: checked, version });
        setPending(false);
        if (!result.ok) {
          toast.error(result.formError);
          return;
        }
        toast.success(`${label} is ${checked ? "on" : "off"}.`);
        router.refresh();
      }}
      className="relative h-6 w-11 shrink-0 rounded-full bg-slate-300 transition-colors data-[state=checked]:bg-brand-600 disabled:opacity-60"
    >
      <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[22px]" />
    </Switch.Root>
  );
}
