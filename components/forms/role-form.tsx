"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createRoleAction, updateRoleAction } from "@/app/(console)/roles/actions";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { type TRight, ZRoleFields } from "@/lib/roles/schemas";
import { applyResult } from "./apply-result";
import { FormError } from "./form-error";
import { type ObjectChoices, RightsEditor } from "./rights-editor";

interface RoleValues {
  id?: string;
  version?: number;
  name: string;
  description: string;
  requiresSecondFactor: boolean;
  rights: TRight[];
}

export function RoleForm({
  role,
  canSave,
  canGrant,
  objects,
}: {
  role?: RoleValues;
  canSave: boolean;
  canGrant: boolean;
  objects: ObjectChoices;
}) {
  const router = useRouter();
  // The fields are the form's; id and version travel beside them (the version moves on with each save).
  const [version, setVersion] = useState(role?.version);
  const form = useForm({
    resolver: zodResolver(ZRoleFields),
    defaultValues: {
      name: role?.name ?? "",
      description: role?.description ?? "",
      requiresSecondFactor: role?.requiresSecondFactor ?? false,
      rights: role?.rights ?? [],
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const rights = form.watch("rights");

  const onSubmit = form.handleSubmit(async (fields) => {
    if (!role?.id || version === undefined) {
      const result = await callAction(createRoleAction, fields);
      if (applyResult(result, form.setError, `Role ${fields.name} created.`)) router.push(`/roles/${result.data.id}`);
      return;
    }
    const result = await callAction(updateRoleAction, { id: role.id, version, ...fields });
    if (applyResult(result, form.setError, "Changes saved.")) {
      setVersion(result.data.version);
      form.reset(fields);
      router.refresh();
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Name" error={errors.name?.message} required>
          {(a11y) => <input {...a11y} {...form.register("name")} disabled={!canSave} className={inputClass} />}
        </Field>
        <Field id="description" label="Description" error={errors.description?.message}>
          {(a11y) => <input {...a11y} {...form.register("description")} disabled={!canSave} className={inputClass} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          {...form.register("requiresSecondFactor")}
          disabled={!canSave}
          className="size-4 rounded border-slate-300"
        />
        Members must use a second factor{" "}
        <span className="text-slate-500">(those without one set it up at their next sign-in)</span>
      </label>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">Rights</legend>
        {canSave && !canGrant ? (
          <p className="mb-2 text-xs text-slate-600">You do not have the right to change this role's rights.</p>
        ) : null}
        {canSave && canGrant ? (
          <p className="mb-2 text-xs text-slate-600">You can grant only rights you hold yourself.</p>
        ) : null}
        <RightsEditor
          value={rights}
          onChange={(next) => form.setValue("rights", next, { shouldDirty: true })}
          disabled={!canSave || !canGrant}
          objects={objects}
        />
        {errors.rights ? (
          <p className="mt-2 text-sm text-red-700">{errors.rights.message ?? "Some rights are not valid."}</p>
        ) : null}
      </fieldset>
      <FormError message={errors.root?.server?.message} />
      {canSave ? (
        <div className="flex justify-end gap-2">
          {!role?.id ? (
            <Button variant="secondary" onClick={() => router.push("/roles")}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" disabled={isSubmitting || (!!role?.id && !isDirty)}>
            {isSubmitting ? "Saving…" : role?.id ? "Save changes" : "Create role"}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
