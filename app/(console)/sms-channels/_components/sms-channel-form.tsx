"use client";
import { Info, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type FieldErrors, useForm, useWatch } from "react-hook-form";
import { createSmsChannelAction, updateSmsChannelAction } from "@/app/(console)/sms-channels/actions";
import { applyResult } from "@/components/forms/apply-result";
import { callAction } from "@/components/forms/call-action";
import { FormError } from "@/components/forms/form-error";
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { SMS_OPTIONS, type SmsOption, type SmsPlainName, type SmsSecretName } from "@/lib/sms/options";
import type { TSmsChannelFields } from "@/lib/sms/schemas";
import { OFF_NO_EFFECT, SAME_MODE_REMINDER, tlsStateOf, tlsWarnings } from "@/lib/sms/tls-rules";
import { SecretOptionControl } from "./secret-option-control";

const channelFieldsResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/sms/schemas").then((m) => m.ZSmsChannelFields)),
);
const newChannelResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/sms/schemas").then((m) => m.ZCreateSmsChannelRequest)),
);

export interface StoredChannel {
  id: string;
  version: number;
  name: string;
  options: Record<SmsPlainName, string>;
  secretsSet: Record<SmsSecretName, boolean>;
}

/** The option's facts from the registry, under its field. */
function OptionFacts({ option }: { option: SmsOption }) {
  return (
    <>
      <code className="text-slate-700">{option.name}</code> — {option.description}{" "}
      <span className="block">
        Default: <strong className="font-medium">{option.default ?? "no default value"}</strong> · Valid values:{" "}
        {option.validValues}
        {option.takesEffect === "after-restart" ? " · Takes effect after restart" : null}
      </span>
    </>
  );
}

const TLS_DEPENDENT = new Set<string>([
  "x-smpp-tls-version",
  "x-smpp-tls-path-to-certificate",
  "x-smpp-tls-certificate-file-password",
  "x-smpp-tls-certificate-password",
]);

export function SmsChannelForm({ channel, canSave }: { channel?: StoredChannel; canSave: boolean }) {
  const router = useRouter();
  // After a save the page re-renders with the new version, which remounts this form (its key).
  const [version, setVersion] = useState(channel?.version);
  const [refreshing, startRefresh] = useTransition();
  const form = useForm({
    // A new channel has no stored secret: keeping one means none, and the rules say so before saving.
    resolver: channel ? channelFieldsResolver : newChannelResolver,
    defaultValues: {
      name: channel?.name ?? "",
      options: channel?.options ?? {},
      secrets: {},
    } as TSmsChannelFields,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const options = useWatch({ control: form.control, name: "options" }) ?? {};
  const secrets = useWatch({ control: form.control, name: "secrets" }) ?? {};
  const mode = options["x-smpp-tls-mode"] || "off";
  const tlsOff = mode === "off";
  const warnings = tlsWarnings(tlsStateOf({ options, secrets }, channel?.secretsSet)).filter(
    (w) => w !== OFF_NO_EFFECT,
  );

  const onSubmit = form.handleSubmit(async (fields) => {
    if (!channel || version === undefined) {
      const result = await callAction(createSmsChannelAction, fields);
      if (applyResult(result, form.setError, `SMS channel ${fields.name} created.`))
        router.push(`/sms-channels/${result.data.id}`);
      return;
    }
    const result = await callAction(updateSmsChannelAction, { ...fields, id: channel.id, version });
    if (applyResult(result, form.setError, "Changes saved. The driver takes them after its next restart.")) {
      setVersion(result.data.version);
      startRefresh(() => router.refresh());
    }
  });

  const optionErrors = errors.options as FieldErrors<Record<string, string>> | undefined;
  const secretErrors = errors.secrets as Record<string, { message?: string; value?: { message?: string } }> | undefined;

  const control = (option: SmsOption) => {
    const disabledByMode = tlsOff && TLS_DEPENDENT.has(option.name);
    if (option.secret) {
      const name = option.name as SmsSecretName;
      return (
        <SecretOptionControl
          key={name}
          option={option}
          stored={channel?.secretsSet[name] ?? false}
          control={form.control}
          setValue={form.setValue}
          register={form.register}
          error={secretErrors?.[name]?.message ?? secretErrors?.[name]?.value?.message}
          disabled={!canSave || disabledByMode}
          readOnly={!canSave}
          facts={<OptionFacts option={option} />}
        />
      );
    }
    const name = option.name as SmsPlainName;
    const id = `option-${name}`;
    const error = optionErrors?.[name]?.message;
    return (
      <Field key={name} id={id} label={option.label} error={error} help={<OptionFacts option={option} />}>
        {(a11y) =>
          option.kind === "enum" && !disabledByMode ? (
            <select {...a11y} {...form.register(`options.${name}`)} disabled={!canSave} className={inputClass}>
              <option value="">Not set (default: {option.default})</option>
              {option.values?.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.value} — {v.description}
                </option>
              ))}
            </select>
          ) : (
            <input
              {...a11y}
              {...form.register(`options.${name}`)}
              // Read-only rather than disabled while TLS is off: the value is kept, not sent away empty.
              readOnly={!canSave || disabledByMode}
              aria-disabled={disabledByMode || undefined}
              inputMode={option.kind === "integer" ? "numeric" : undefined}
              placeholder={option.default ? `Default: ${option.default}` : "Not set"}
              className={inputClass}
            />
          )
        }
      </Field>
    );
  };

  const connection = SMS_OPTIONS.filter((o) => o.group === "connection");
  const tls = SMS_OPTIONS.filter((o) => o.group === "tls");
  const [modeOption, ...tlsRest] = tls;

  return (
    <LiveForm onSubmit={onSubmit} noValidate>
      <fieldset disabled={refreshing} aria-busy={refreshing} className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="name"
            label="Name"
            required
            error={errors.name?.message}
            help="Letters, digits, - and _. The driver reads this channel from the section channel-<name>."
          >
            {(a11y) => <input {...a11y} {...form.register("name")} readOnly={!canSave} className={inputClass} />}
          </Field>
          <Field id="section" label="Section" help="The configuration section the driver reads.">
            {(a11y) => (
              <input {...a11y} value={`channel-${form.watch("name") || "<name>"}`} readOnly className={inputClass} />
            )}
          </Field>
        </div>
        <section aria-labelledby="tls-heading" className="space-y-4">
          <h3 id="tls-heading" className="text-sm font-semibold text-slate-900">
            TLS connection to the SMSC
          </h3>
          <div className="grid gap-4 sm:grid-cols-2">
            {modeOption ? control(modeOption) : null}
            <p className="flex items-start gap-2 self-center rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-900">
              <Info aria-hidden className="mt-0.5 size-4 shrink-0" /> {SAME_MODE_REMINDER}
            </p>
          </div>
          {tlsOff ? (
            <p
              className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700"
              role="status"
            >
              {OFF_NO_EFFECT}
            </p>
          ) : (
            <p className="text-sm text-slate-600">
              {mode === "single"
                ? "single: leave the path and both passwords empty to use the default Java key store (<JRE_folder>\\lib\\security\\cacerts), or set the path to your PKCS#12 file with its file password (and the certificate password when it holds a key)."
                : "mutual: the PKCS#12 file must hold the SMSC's host certificate with its chains and the private key of the driver's certificate; path, file password and certificate password are all required."}
            </p>
          )}
          {warnings.map((warning) => (
            <p key={warning} className="flex items-center gap-1.5 text-sm text-amber-800" role="status">
              <TriangleAlert aria-hidden className="size-4" /> {warning}
            </p>
          ))}
          <div className="grid gap-4 sm:grid-cols-2">{tlsRest.map(control)}</div>
        </section>
        <section aria-labelledby="connection-heading" className="space-y-4">
          <h3 id="connection-heading" className="text-sm font-semibold text-slate-900">
            Connection
          </h3>
          <div className="grid gap-4 sm:grid-cols-2">{connection.map(control)}</div>
        </section>
        <FormError message={errors.root?.server?.message} />
        {canSave ? (
          <div className="flex justify-end gap-2">
            {!channel ? (
              <Button variant="secondary" onClick={() => router.push("/sms-channels")}>
                Cancel
              </Button>
            ) : null}
            <Button type="submit" disabled={isSubmitting || refreshing || (!!channel && !isDirty)}>
              {isSubmitting || refreshing ? "Saving…" : channel ? "Save changes" : "Save"}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </LiveForm>
  );
}
