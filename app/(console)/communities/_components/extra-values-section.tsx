"use client";
import { AlertTriangle, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import { updateExtraValuesAction } from "@/app/(console)/communities/actions";
import { applyResult } from "@/components/forms/apply-result";
import { callAction } from "@/components/forms/call-action";
import { FormError } from "@/components/forms/form-error";
import { lazySchema, lazyZodResolver, useLoadedSchema } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  ASSOCIATED_TYPES,
  CHOICE_TYPES,
  CUSTOM_FIELD_TYPE_LABELS,
  CUSTOM_FIELD_TYPES,
  keyFromLabel,
} from "@/lib/communities/custom-field-types";
import { IDENTITY_GROUP_FIELDS, needsUuidAdvice, UUID_ADVICE } from "@/lib/communities/extra-value-destinations";
import type { TExtraValueSettings } from "@/lib/communities/extra-values";

// The schema checks custom regexes with re2js (some 50 kB gzip with zod): loaded after the page.
const extraValueSettings = lazySchema(() =>
  import("@/lib/communities/extra-values").then((m) => m.ZExtraValueSettings),
);
const extraValueSettingsResolver = lazyZodResolver(extraValueSettings);

const small = `${inputClass} text-sm`;

function FieldMessage({ message }: { message?: string }) {
  return message ? <p className="mt-1 text-xs text-red-700">{message}</p> : null;
}

export function ExtraValuesSection({
  communityId,
  version,
  settings,
  canModify,
}: {
  communityId: string;
  version: number;
  settings: TExtraValueSettings;
  canModify: boolean;
}) {
  const router = useRouter();
  const form = useForm({
    resolver: extraValueSettingsResolver,
    defaultValues: {
      customFields: settings.customFields.map((f) => ({ ...f, regex: f.regex ?? "" })),
      mappings: settings.mappings,
    },
  });
  const fields = useFieldArray({ control: form.control, name: "customFields" });
  const mappings = useFieldArray({ control: form.control, name: "mappings" });
  const { errors, isSubmitting, isDirty } = form.formState;
  const watched = form.watch();
  const customKeys = (watched.customFields ?? []).map((f) => f.key).filter(Boolean);
  // Until the schema has loaded (a moment after the page), the advice is the stored settings'.
  const parsedForAdvice = useLoadedSchema(extraValueSettings)?.safeParse(watched);
  const uuidAdvice = parsedForAdvice
    ? parsedForAdvice.success && needsUuidAdvice(parsedForAdvice.data)
    : needsUuidAdvice(settings);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(updateExtraValuesAction, { communityId, version, ...values });
    if (applyResult(result, form.setError, "Custom fields and mappings saved.")) router.refresh();
  });

  return (
    <LiveForm onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset className="space-y-3" disabled={!canModify}>
        <legend className="text-sm font-semibold text-slate-900">Custom fields</legend>
        {fields.fields.length === 0 ? <p className="text-sm text-slate-600">No custom field yet.</p> : null}
        {fields.fields.map((item, index) => {
          const type = watched.customFields?.[index]?.type;
          const fieldErrors = errors.customFields?.[index];
          return (
            <div key={item.id} className="grid gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-6">
              <label className="text-xs font-medium text-slate-700 md:col-span-2">
                Label
                <input
                  {...form.register(`customFields.${index}.label`, {
                    onChange: (event) => {
                      // The key follows the label until someone edits the key.
                      if (!form.getFieldState(`customFields.${index}.key`).isDirty)
                        form.setValue(`customFields.${index}.key`, keyFromLabel(event.target.value));
                    },
                  })}
                  className={small}
                />
                <FieldMessage message={fieldErrors?.label?.message} />
              </label>
              <label className="text-xs font-medium text-slate-700 md:col-span-2">
                Key
                <input {...form.register(`customFields.${index}.key`)} className={`${small} font-mono`} />
                <FieldMessage message={fieldErrors?.key?.message} />
              </label>
              <label className="text-xs font-medium text-slate-700">
                Associated type
                <select {...form.register(`customFields.${index}.associatedType`)} className={small}>
                  {ASSOCIATED_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {t === "identity" ? "Identity" : "Case"}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-xs font-medium text-slate-700">
                Type
                <select {...form.register(`customFields.${index}.type`)} className={small}>
                  {CUSTOM_FIELD_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {CUSTOM_FIELD_TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              </label>
              {type && CHOICE_TYPES.includes(type) ? (
                <div className="text-xs font-medium text-slate-700 md:col-span-3">
                  <label htmlFor={`choices-${index}`}>Choices (separated by commas)</label>
                  <Controller
                    control={form.control}
                    name={`customFields.${index}.choices`}
                    render={({ field }) => (
                      <input
                        id={`choices-${index}`}
                        defaultValue={(field.value ?? []).join(", ")}
                        onBlur={(event) =>
                          field.onChange(
                            event.target.value
                              .split(",")
                              .map((c) => c.trim())
                              .filter(Boolean),
                          )
                        }
                        className={small}
                      />
                    )}
                  />
                  <FieldMessage message={fieldErrors?.choices?.message} />
                </div>
              ) : null}
              <label className="text-xs font-medium text-slate-700 md:col-span-3">
                Custom regex (optional, RE2 syntax, matches the whole value)
                <input {...form.register(`customFields.${index}.regex`)} className={`${small} font-mono`} />
                <FieldMessage message={fieldErrors?.regex?.message} />
              </label>
              <div className="flex items-end justify-between gap-2 md:col-span-6">
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" {...form.register(`customFields.${index}.usedForIdentityMerge`)} />
                  Used for identity merge
                </label>
                {canModify ? (
                  <Button
                    variant="ghost"
                    onClick={() => fields.remove(index)}
                    aria-label={`Remove custom field ${index + 1}`}
                  >
                    <Trash2 aria-hidden className="size-4" />
                  </Button>
                ) : null}
              </div>
            </div>
          );
        })}
        {canModify ? (
          <Button
            variant="secondary"
            onClick={() =>
              fields.append({
                label: "",
                key: "",
                associatedType: "identity",
                type: "string",
                choices: [],
                usedForIdentityMerge: false,
                regex: "",
              })
            }
          >
            <Plus aria-hidden className="size-4" /> Add custom field
          </Button>
        ) : null}
      </fieldset>

      <fieldset className="space-y-3" disabled={!canModify}>
        <legend className="text-sm font-semibold text-slate-900">Extra value mappings</legend>
        <p className="text-sm text-slate-600">
          Each extra value the website registers on the identity (a key-value pair) can fill an identity group field
          shown to agents or one of the custom fields above. The visitor's UUID can be mapped as if it were an extra
          value.
        </p>
        {mappings.fields.map((item, index) => {
          const source = watched.mappings?.[index]?.source;
          const mappingErrors = errors.mappings?.[index] as
            | { extraValueKey?: { message?: string }; destination?: { message?: string } }
            | undefined;
          return (
            <div key={item.id} className="grid items-start gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-7">
              <label className="text-xs font-medium text-slate-700 md:col-span-2">
                Source
                <select {...form.register(`mappings.${index}.source`)} className={small}>
                  <option value="extra_value">Extra value</option>
                  <option value="uuid">Visitor UUID</option>
                </select>
              </label>
              <label className="text-xs font-medium text-slate-700 md:col-span-2">
                Extra value key
                <input
                  {...form.register(`mappings.${index}.extraValueKey` as const)}
                  disabled={source === "uuid" || !canModify}
                  className={`${small} font-mono`}
                />
                <FieldMessage message={mappingErrors?.extraValueKey?.message} />
              </label>
              <label className="text-xs font-medium text-slate-700 md:col-span-2">
                Destination
                <select {...form.register(`mappings.${index}.destination`)} className={small}>
                  <option value="">Choose…</option>
                  <optgroup label="Identity group fields">
                    {Object.entries(IDENTITY_GROUP_FIELDS).map(([name, label]) => (
                      <option key={name} value={`identity:${name}`}>
                        {label}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="Custom fields">
                    {customKeys.map((key) => (
                      <option key={key} value={`custom:${key}`}>
                        {key}
                      </option>
                    ))}
                  </optgroup>
                </select>
                <FieldMessage message={mappingErrors?.destination?.message} />
              </label>
              {canModify ? (
                <div className="flex justify-end pt-5">
                  <Button
                    variant="ghost"
                    onClick={() => mappings.remove(index)}
                    aria-label={`Remove mapping ${index + 1}`}
                  >
                    <Trash2 aria-hidden className="size-4" />
                  </Button>
                </div>
              ) : null}
            </div>
          );
        })}
        {uuidAdvice ? (
          <p className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" /> {UUID_ADVICE}
          </p>
        ) : null}
        {canModify ? (
          <Button
            variant="secondary"
            onClick={() => mappings.append({ source: "extra_value", extraValueKey: "", destination: "" })}
          >
            <Plus aria-hidden className="size-4" /> Add mapping
          </Button>
        ) : null}
      </fieldset>
      <FormError message={errors.root?.server?.message} />
      {canModify ? (
        <div className="flex justify-end">
          <Button type="submit" disabled={isSubmitting || !isDirty}>
            {isSubmitting ? "Saving…" : "Save fields and mappings"}
          </Button>
        </div>
      ) : null}
    </LiveForm>
  );
}
