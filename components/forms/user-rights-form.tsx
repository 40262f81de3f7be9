"use client";
// The rights a user holds directly (the seed's User Rights block), edited like a role's rights.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { setUserRightsAction } from "@/app/(console)/users/actions";
import { Button } from "@/components/ui/button";
import type { TRight } from "@/lib/roles/schemas";
import { ZUserRightsFields } from "@/lib/users/direct-rights-schemas";
import { applyResult } from "./apply-result";
import { FormError } from "./form-error";
import { type ObjectChoices, RightsEditor } from "./rights-editor";

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
  const router = useRouter();
  const [version, setVersion] = useState(user.version);
  const form = useForm({ resolver: zodResolver(ZUserRightsFields), defaultValues: { rights: user.rights } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const rights = form.watch("rights");

  const onSubmit = form.handleSubmit(async (fields) => {
    const result = await setUserRightsAction({ id: user.id, version, ...fields });
    if (applyResult(result, form.setError, "Rights saved.")) {
      setVersion(result.data.version);
      form.reset(fields);
      router.refresh();
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="User rights">
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
          <Button type="submit" disabled={isSubmitting || !isDirty}>
            {isSubmitting ? "Saving…" : "Save rights"}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
