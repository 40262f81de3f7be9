"use client";
import { useState } from "react";
import { updateSettingAction } from "@/app/(console)/settings/actions";
// A setting that holds a list (the connection test's allowed internal hosts): one entry per line,
// checked in the browser with the schema the server checks it with again.
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { FormError } from "./form-error";
import { lazySchema } from "./lazy-schema";
import type { SettingControlProps } from "./setting-control-props";
import { useActionCall } from "./use-action-call";

const allowedInternalHosts = lazySchema(() =>
  import("@/lib/messaging/address-policy").then((m) => m.ZAllowedInternalHosts),
);

const linesOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

export function SettingHostList({
  settingKey,
  label,
  value,
  version,
  disabled,
}: SettingControlProps<readonly string[]>) {
  const { version: current, busy, save } = useActionCall(version);
  const [text, setText] = useState(value.join("\n"));
  const [errors, setErrors] = useState<string[]>([]);
  const [formError, setFormError] = useState<string>();
  const id = `setting-${settingKey}`;
  const dirty = text.trim() !== value.join("\n");

  return (
    <LiveForm
      noValidate
      className="space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const lines = linesOf(text);
        const checked = (await allowedInternalHosts.load()).safeParse(lines);
        if (!checked.success) {
          setErrors(checked.error.issues.map((issue) => issue.message));
          return;
        }
        setErrors([]);
        setFormError(undefined);
        const result = await save(updateSettingAction, { key: settingKey, value: lines, version: current ?? version });
        if (result.ok) {
          toast.success(`${label} saved.`);
          return;
        }
        setErrors(result.fieldErrors.value ?? []);
        setFormError(result.formError);
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        disabled={disabled || busy}
        rows={4}
        spellCheck={false}
        placeholder={"svc.internal.example\n10.20.0.0/16"}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
        className={`${inputClass} font-mono`}
      />
      {errors.length > 0 ? (
        <ul id={`${id}-errors`} className="space-y-0.5 text-sm text-red-700">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      <FormError message={formError} />
      {!disabled ? (
        <div className="flex justify-end">
          <Button type="submit" disabled={busy || !dirty}>
            {busy ? "Saving…" : "Save"}
          </Button>
        </div>
      ) : null}
    </LiveForm>
  );
}
