"use client";
import { createRoleAction, updateRoleAction } from "@/app/(console)/roles/actions";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { TRight } from "@/lib/roles/schemas";
import { FormError } from "./form-error";
import { lazySchema, lazyZodResolver } from "./lazy-schema";
import { type ObjectChoices, RightsEditor } from "./rights-editor";
import { useActionForm } from "./use-action-form";

const roleFieldsResolver = lazyZodResolver(lazySchema(() => import("@/lib/roles/schemas").then((m) => m.ZRoleFields)));

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
  // The fields are the form's; id and version travel beside them (the version moves on with each save).
  const { form, version, busy, create, save, router } = useActionForm(
    {
      resolver: roleFieldsResolver,
      defaultValues: {
        name: role?.name ?? "",
        description: role?.description ?? "",
        requiresSecondFactor: role?.requiresSecondFactor ?? false,
        rights: role?.rights ?? [],
      },
    },
    role?.version,
  );
  const { errors, isDirty } = form.formState;
  const rights = form.watch("rights");

  const onSubmit = form.handleSubmit(async (fields) => {
    if (!role?.id || version === undefined) {
      const created = await create(createRoleAction, fields, `Role ${fields.name} created.`);
      if (created) router.push(`/roles/${created.id}`);
      return;
    }
    await save(updateRoleAction, { id: role.id, version, ...fields }, "Changes saved.");
  });

  return (
    <LiveForm onSubmit={onSubmit} noValidate>
      <fieldset disabled={busy} aria-busy={busy} className="space-y-5">
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
            <Button type="submit" disabled={busy || (!!role?.id && !isDirty)}>
              {busy ? "Saving…" : role?.id ? "Save changes" : "Create role"}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </LiveForm>
  );
}
