"use client";
import { setUserRightsAction } from "@/app/(console)/users/actions";
// The rights a user holds directly (the seed's User Rights block), edited like a role's rights.
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import type { TRight } from "@/lib/roles/schemas";
import { FormError } from "./form-error";
import { lazySchema, lazyZodResolver } from "./lazy-schema";
import { type ObjectChoices, RightsEditor } from "./rights-editor";
import { useActionForm } from "./use-action-form";

const userRightsFieldsResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/users/direct-rights-schemas").then((m) => m.ZUserRightsFields)),
);

export function UserRightsForm({
  user,
  canGrant,
  objects,
  names,
}: {
  user: { id: string; version: number; rights: TRight[] };
  canGrant: boolean;
  objects: ObjectChoices;
  names: Record<string, string>;
}) {
  const { form, version, busy, save } = useActionForm(
    { resolver: userRightsFieldsResolver, defaultValues: { rights: user.rights } },
    user.version,
  );
  const { errors, isDirty } = form.formState;
  const rights = form.watch("rights");

  const onSubmit = form.handleSubmit(async (fields) => {
    await save(setUserRightsAction, { id: user.id, version: version ?? user.version, ...fields }, "Rights saved.");
  });

  return (
    <LiveForm onSubmit={onSubmit} noValidate aria-label="User rights">
      <fieldset disabled={busy} aria-busy={busy} className="space-y-5">
        {canGrant ? (
          <p className="text-xs text-slate-600">You can grant only rights you hold yourself.</p>
        ) : (
          <p className="text-xs text-slate-600">You do not have the right to change this user's rights.</p>
        )}
        <RightsEditor
          value={rights}
          onChange={(next) => form.setValue("rights", next, { shouldDirty: true })}
          disabled={!canGrant}
          objects={objects}
          names={names}
        />
        {errors.rights ? (
          <p className="text-sm text-red-700">{errors.rights.message ?? "Some rights are not valid."}</p>
        ) : null}
        <FormError message={errors.root?.server?.message} />
        {canGrant ? (
          <div className="flex justify-end">
            <Button type="submit" disabled={busy || !isDirty}>
              {busy ? "Saving…" : "Save rights"}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </LiveForm>
  );
}
