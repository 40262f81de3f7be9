"use client";
// The Authentications block: one row per credential entry. Secrets are write-only: a stored one shows
// as set, with Replace; the form never holds its value. Every entry needs its secret, so there is no
// Clear: an entry that should have none is removed.
import { Plus, Trash2 } from "lucide-react";
import {
  type Control,
  type FieldErrors,
  type UseFormRegister,
  type UseFormSetValue,
  useFieldArray,
  useWatch,
} from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { TMessagingServiceFields } from "@/lib/messaging/schemas";
import { credentialKindFor, type MessagingServiceType, serviceTypeDefinition } from "@/lib/messaging/service-types";

type Values = TMessagingServiceFields;

export function CredentialsBlock({
  type,
  control,
  register,
  setValue,
  errors,
  secretSet,
  disabled,
}: {
  type: MessagingServiceType;
  control: Control<Values>;
  register: UseFormRegister<Values>;
  setValue: UseFormSetValue<Values>;
  errors: FieldErrors<Values>;
  /** Whether each stored credential (by id) has a secret. */
  secretSet: Record<string, boolean>;
  disabled: boolean;
}) {
  const definition = serviceTypeDefinition(type);
  const { fields, append, remove } = useFieldArray({ control, name: "credentials", keyName: "key" });
  const entries = useWatch({ control, name: "credentials" });
  const blockError = errors.credentials?.message ?? errors.credentials?.root?.message;

  return (
    <fieldset className="space-y-3" aria-describedby="credentials-help">
      <legend className="text-sm font-medium text-slate-800">Authentications</legend>
      <p id="credentials-help" className="text-xs text-slate-600">
        {definition.credentialsHelp}
      </p>
      {fields.length === 0 ? <p className="text-sm text-slate-500">No entries yet.</p> : null}
      <ul className="space-y-3">
        {fields.map((field, index) => {
          const entry = entries?.[index];
          const kind = credentialKindFor(type, entry?.authId ?? "");
          const action = entry?.secret?.action ?? "replace";
          const stored = field.id ? secretSet[field.id] : undefined;
          const entryErrors = errors.credentials?.[index];
          const authIdError = entryErrors?.authId?.message;
          const secretError =
            entryErrors?.secret?.message ??
            (entryErrors?.secret as { value?: { message?: string } } | undefined)?.value?.message;
          return (
            <li key={field.key} className="rounded-md border border-slate-200 p-3" aria-label={`Entry ${index + 1}`}>
              <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto]">
                <div className="space-y-1">
                  <label htmlFor={`credentials.${index}.authId`} className="block text-sm font-medium text-slate-800">
                    {kind.authId.label}
                  </label>
                  <input
                    id={`credentials.${index}.authId`}
                    {...register(`credentials.${index}.authId`)}
                    placeholder={kind.authId.placeholder}
                    disabled={disabled}
                    aria-invalid={!!authIdError}
                    aria-describedby={`credentials.${index}.authId-help${authIdError ? ` credentials.${index}.authId-error` : ""}`}
                    autoComplete="off"
                    className={inputClass}
                  />
                  <p id={`credentials.${index}.authId-help`} className="text-xs text-slate-600">
                    {kind.authId.help}
                  </p>
                  {authIdError ? (
                    <p id={`credentials.${index}.authId-error`} className="text-sm text-red-700">
                      {authIdError}
                    </p>
                  ) : null}
                </div>
                <div className="space-y-1">
                  <label htmlFor={`credentials.${index}.secret`} className="block text-sm font-medium text-slate-800">
                    {kind.secret.label}
                  </label>
                  {action === "replace" ? (
                    <div className="flex gap-2">
                      <input
                        id={`credentials.${index}.secret`}
                        type="password"
                        {...register(`credentials.${index}.secret.value`)}
                        disabled={disabled}
                        aria-invalid={!!secretError}
                        aria-describedby={secretError ? `credentials.${index}.secret-error` : undefined}
                        autoComplete="new-password"
                        className={inputClass}
                      />
                      {field.id ? (
                        <Button
                          variant="ghost"
                          onClick={() =>
                            setValue(`credentials.${index}.secret`, { action: "keep" }, { shouldDirty: true })
                          }
                        >
                          Cancel
                        </Button>
                      ) : null}
                    </div>
                  ) : (
                    <div className="flex flex-wrap items-center gap-2" id={`credentials.${index}.secret`}>
                      {stored ? <Badge tone="good">Set</Badge> : <Badge tone="bad">Not set</Badge>}
                      {!disabled ? (
                        <Button
                          variant="secondary"
                          aria-label={`Replace ${kind.secret.label.toLowerCase()} of entry ${index + 1}`}
                          onClick={() =>
                            setValue(
                              `credentials.${index}.secret`,
                              { action: "replace", value: "" },
                              { shouldDirty: true },
                            )
                          }
                        >
                          Replace
                        </Button>
                      ) : null}
                    </div>
                  )}
                  <p className="text-xs text-slate-600">{kind.secret.help} Never shown again once saved.</p>
                  {secretError ? (
                    <p id={`credentials.${index}.secret-error`} className="text-sm text-red-700">
                      {secretError}
                    </p>
                  ) : null}
                </div>
                {!disabled ? (
                  <div className="sm:pt-6">
                    <Button variant="ghost" aria-label={`Remove entry ${index + 1}`} onClick={() => remove(index)}>
                      <Trash2 aria-hidden className="size-4" />
                    </Button>
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {blockError ? <p className="text-sm text-red-700">{blockError}</p> : null}
      {!disabled ? (
        <div className="flex flex-wrap gap-2">
          {definition.credentialKinds.map((kind) => {
            const count = (entries ?? []).filter((e) => credentialKindFor(type, e?.authId ?? "") === kind).length;
            if (count >= kind.max) return null;
            return (
              <Button
                key={kind.key}
                variant="secondary"
                onClick={() => append({ authId: kind.authId.literal ?? "", secret: { action: "replace", value: "" } })}
              >
                <Plus aria-hidden className="size-4" /> Add {kind.noun}
              </Button>
            );
          })}
        </div>
      ) : null}
    </fieldset>
  );
}
