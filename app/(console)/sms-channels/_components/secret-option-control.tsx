"use client";
// One secret option: write-only. The stored value never reaches the browser; the control says whether
// one is set and offers Replace and Clear. Untouched, the stored value is kept.
import type { ReactNode } from "react";
import { type Control, type UseFormRegister, type UseFormSetValue, useWatch } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { SmsOption, SmsSecretName } from "@/lib/sms/options";
import type { TSmsChannelFields } from "@/lib/sms/schemas";

export function SecretOptionControl({
  option,
  stored,
  control,
  setValue,
  register,
  error,
  disabled,
  readOnly = false,
  facts,
}: {
  option: SmsOption;
  stored: boolean;
  control: Control<TSmsChannelFields>;
  setValue: UseFormSetValue<TSmsChannelFields>;
  register: UseFormRegister<TSmsChannelFields>;
  error?: string;
  disabled: boolean;
  /** Who may not change the channel sees only whether the secret is set: no button they could not use. */
  readOnly?: boolean;
  facts: ReactNode;
}) {
  const name = option.name as SmsSecretName;
  const change = useWatch({ control, name: `secrets.${name}` }) ?? { action: "keep" };
  const id = `secret-${name}`;
  const set = (next: { action: "keep" } | { action: "clear" } | { action: "replace"; value: string }) =>
    setValue(`secrets.${name}`, next, { shouldDirty: true, shouldValidate: false });
  const status =
    change.action === "replace"
      ? "New value"
      : change.action === "clear"
        ? "Cleared on save"
        : stored
          ? "Set"
          : "Not set";
  return (
    <div className="space-y-1.5">
      <div className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <label htmlFor={change.action === "replace" ? id : undefined} id={`${id}-label`}>
          {option.label}
        </label>
        <Badge tone={status === "Set" ? "good" : status === "Not set" ? "neutral" : "info"}>{status}</Badge>
      </div>
      {change.action === "replace" ? (
        <div className="flex gap-2">
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            aria-invalid={!!error}
            aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
            {...register(`secrets.${name}.value` as `secrets.${SmsSecretName}`)}
            className={inputClass}
          />
          <Button variant="secondary" onClick={() => set({ action: "keep" })}>
            Cancel
          </Button>
        </div>
      ) : readOnly ? null : (
        <fieldset className="flex gap-2" aria-labelledby={`${id}-label`}>
          <Button variant="secondary" disabled={disabled} onClick={() => set({ action: "replace", value: "" })}>
            {stored ? "Replace" : "Set"}
          </Button>
          {stored && change.action !== "clear" ? (
            <Button variant="ghost" disabled={disabled} onClick={() => set({ action: "clear" })}>
              Clear
            </Button>
          ) : null}
          {change.action === "clear" ? (
            <Button variant="ghost" onClick={() => set({ action: "keep" })}>
              Keep
            </Button>
          ) : null}
        </fieldset>
      )}
      <p id={`${id}-help`} className="text-xs text-slate-600">
        {facts} · Secret: write-only, sealed on the server.
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
