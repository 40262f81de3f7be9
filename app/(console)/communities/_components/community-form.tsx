"use client";
import { AlertTriangle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createCommunityAction, updateCommunityAction } from "@/app/(console)/communities/actions";
import { applyResult } from "@/components/forms/apply-result";
import { callAction } from "@/components/forms/call-action";
import { FormError } from "@/components/forms/form-error";
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { SignedIdentityMode } from "@/lib/communities/schemas";
import { ACCEPT_WARNING, SIGNED_IDENTITY_CHOICES } from "./signed-identities-text";

const communityFieldsResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/communities/schemas").then((m) => m.ZCommunityFields)),
);

interface CommunityValues {
  id: string;
  version: number;
  name: string;
  signedIdentities: SignedIdentityMode;
  keyCount: number;
}

export function CommunityForm({ community, canSave }: { community?: CommunityValues; canSave: boolean }) {
  const router = useRouter();
  const [version, setVersion] = useState(community?.version);
  const form = useForm({
    resolver: communityFieldsResolver,
    defaultValues: { name: community?.name ?? "", signedIdentities: community?.signedIdentities ?? "reject" },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const mode = form.watch("signedIdentities");
  // A new community has no key yet: Require comes after a key is added.
  const keyCount = community?.keyCount ?? 0;

  const onSubmit = form.handleSubmit(async (fields) => {
    if (!community || version === undefined) {
      const result = await callAction(createCommunityAction, fields);
      if (applyResult(result, form.setError, `Community ${fields.name} created.`))
        router.push(`/communities/${result.data.id}`);
      return;
    }
    const result = await callAction(updateCommunityAction, { id: community.id, version, ...fields });
    if (applyResult(result, form.setError, "Changes saved.")) {
      setVersion(result.data.version);
      form.reset(fields);
      router.refresh();
    }
  });

  return (
    <LiveForm onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="max-w-md">
        <Field id="name" label="Name" error={errors.name?.message} required>
          {(a11y) => <input {...a11y} {...form.register("name")} disabled={!canSave} className={inputClass} />}
        </Field>
      </div>
      <fieldset aria-describedby={errors.signedIdentities ? "signedIdentities-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-800">Signed identities</legend>
        <div className="grid gap-3 lg:grid-cols-3">
          {SIGNED_IDENTITY_CHOICES.map((choice) => {
            const blocked = choice.mode === "require" && keyCount === 0;
            return (
              <label
                key={choice.mode}
                className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  value={choice.mode}
                  {...form.register("signedIdentities")}
                  disabled={!canSave}
                  className="mt-1"
                />
                <span>
                  <span className="block text-sm font-medium">{choice.label}</span>
                  <span className="block text-xs text-slate-600">{choice.meaning}</span>
                  {blocked ? (
                    <span className="mt-1 block text-xs text-amber-800">
                      {community ? "Add a JWT key below first." : "Add a JWT key after creating the community."}
                    </span>
                  ) : null}
                </span>
              </label>
            );
          })}
        </div>
        {mode === "accept" ? (
          <p
            role="alert"
            className="mt-3 flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" /> {ACCEPT_WARNING}
          </p>
        ) : null}
        {errors.signedIdentities ? (
          <p id="signedIdentities-error" className="mt-2 text-sm text-red-700">
            {errors.signedIdentities.message}
          </p>
        ) : null}
      </fieldset>
      <FormError message={errors.root?.server?.message} />
      {canSave ? (
        <div className="flex justify-end gap-2">
          {!community ? (
            <Button variant="secondary" onClick={() => router.push("/communities")}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" disabled={isSubmitting || (!!community && !isDirty)}>
            {isSubmitting ? "Saving…" : community ? "Save changes" : "Create community"}
          </Button>
        </div>
      ) : null}
    </LiveForm>
  );
}
