"use client";
import { TriangleAlert } from "lucide-react";
import { useWatch } from "react-hook-form";
import { createMessagingServiceAction, updateMessagingServiceAction } from "@/app/(console)/messaging-services/actions";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { TMessagingServiceFields } from "@/lib/messaging/schemas";
import {
  type MessagingServiceType,
  serviceConnectionAdvice,
  serviceTypeDefinition,
} from "@/lib/messaging/service-types";
import { CredentialsBlock } from "./credentials-block";
import { FormError } from "./form-error";
import { lazySchema, lazyZodResolver } from "./lazy-schema";
import { useActionForm } from "./use-action-form";

const messagingServiceFieldsResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/messaging/schemas").then((m) => m.ZMessagingServiceFields)),
);

export interface StoredService {
  id: string;
  version: number;
  name: string;
  serviceConnection: string;
  credentials: { id: string; authId: string; secretSet: boolean }[];
}

export function MessagingServiceForm({
  type,
  service,
  canSave,
}: {
  type: MessagingServiceType;
  service?: StoredService;
  canSave: boolean;
}) {
  const definition = serviceTypeDefinition(type);
  const secretSet = Object.fromEntries((service?.credentials ?? []).map((c) => [c.id, c.secretSet]));
  const initial = (s?: StoredService): TMessagingServiceFields => ({
    name: s?.name ?? "",
    type,
    serviceConnection: s?.serviceConnection ?? "",
    credentials: (s?.credentials ?? []).map((c) => ({
      id: c.id,
      authId: c.authId,
      secret: { action: "keep" as const },
    })),
  });
  // id and version travel beside the fields. After a save the page re-renders with a new version,
  // which remounts this form (its key) with the stored entries; until then the hook holds the form still.
  const { form, version, busy, create, save, router } = useActionForm(
    { resolver: messagingServiceFieldsResolver, defaultValues: initial(service) },
    service?.version,
  );
  const { errors, isDirty } = form.formState;
  const connection = useWatch({ control: form.control, name: "serviceConnection" });
  const advice = connection ? serviceConnectionAdvice(type, connection) : null;

  const onSubmit = form.handleSubmit(async (fields) => {
    if (!service || version === undefined) {
      const created = await create(createMessagingServiceAction, fields, `Messaging service ${fields.name} created.`);
      if (created) router.push(`/messaging-services/${created.id}`);
      return;
    }
    await save(updateMessagingServiceAction, { ...fields, id: service.id, version }, "Changes saved.");
  });

  return (
    <LiveForm onSubmit={onSubmit} noValidate>
      <fieldset disabled={busy} aria-busy={busy} className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="name"
            label="Name"
            error={errors.name?.message}
            required
            help="A descriptive name for the service."
          >
            {(a11y) => <input {...a11y} {...form.register("name")} disabled={!canSave} className={inputClass} />}
          </Field>
          <Field
            id="type"
            label="Type"
            help={
              service
                ? "Chosen when the service was added; it cannot change."
                : "Chosen in the previous step; it cannot change once the service is saved."
            }
          >
            {(a11y) => <input {...a11y} value={`${type} — ${definition.label}`} readOnly className={inputClass} />}
          </Field>
          <div className="sm:col-span-2">
            <Field
              id="serviceConnection"
              label="Service Connection"
              error={errors.serviceConnection?.message}
              required
              help={definition.serviceConnection.help}
            >
              {(a11y) => (
                <input
                  {...a11y}
                  {...form.register("serviceConnection")}
                  type="url"
                  placeholder={definition.serviceConnection.placeholder}
                  disabled={!canSave}
                  className={inputClass}
                />
              )}
            </Field>
            {advice && !errors.serviceConnection ? (
              <p className="mt-1 flex items-center gap-1.5 text-sm text-amber-800" role="status">
                <TriangleAlert aria-hidden className="size-4" /> {advice}
              </p>
            ) : null}
          </div>
          <Field id="authenticationUrl" label="Authentication URL" help="Not applicable to messaging services.">
            {(a11y) => <input {...a11y} value="Not applicable" readOnly disabled className={inputClass} />}
          </Field>
          <Field id="authenticationScope" label="Authentication Scope" help="Not applicable to messaging services.">
            {(a11y) => <input {...a11y} value="Not applicable" readOnly disabled className={inputClass} />}
          </Field>
        </div>
        <CredentialsBlock
          type={type}
          control={form.control}
          register={form.register}
          setValue={form.setValue}
          errors={errors}
          secretSet={secretSet}
          disabled={!canSave}
        />
        <FormError message={errors.root?.server?.message} />
        {canSave ? (
          <div className="flex justify-end gap-2">
            {!service ? (
              <Button variant="secondary" onClick={() => router.push("/messaging-services")}>
                Cancel
              </Button>
            ) : null}
            <Button type="submit" disabled={busy || (!!service && !isDirty)}>
              {busy ? "Saving…" : service ? "Save changes" : "Save"}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </LiveForm>
  );
}
