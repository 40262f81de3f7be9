"use client";
import { resetPasswordAction } from "@/app/(console)/users/actions";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { FormError } from "./form-error";
import { lazySchema, lazyZodResolver } from "./lazy-schema";
import { PasswordField } from "./password-field";
import { useActionForm } from "./use-action-form";

const resetPasswordRequestResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/users/schemas").then((m) => m.ZResetPasswordRequest)),
);

export function ResetPasswordForm({ id, version, external }: { id: string; version: number; external: boolean }) {
  // The page remounts this form (its key) with the user's new version once the reset is stored.
  const {
    form,
    version: current,
    busy,
    save,
  } = useActionForm(
    {
      resolver: resetPasswordRequestResolver,
      defaultValues: { id, version, password: "", confirmPassword: "" },
    },
    version,
  );
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await save(
      resetPasswordAction,
      { ...values, version: current ?? version },
      external ? "Password replaced." : "Password reset. The user must change it at the next sign-in.",
    );
    if (saved) {
      form.resetField("password");
      form.resetField("confirmPassword");
    }
  });
  return (
    <LiveForm onSubmit={onSubmit} noValidate>
      <fieldset disabled={busy} aria-busy={busy} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <PasswordField
            id="reset-password"
            label="New password"
            error={errors.password?.message}
            registration={form.register("password")}
          />
          <PasswordField
            id="reset-confirmPassword"
            label="Repeat the new password"
            error={errors.confirmPassword?.message}
            registration={form.register("confirmPassword")}
          />
        </div>
        <FormError message={errors.root?.server?.message} />
        <div className="flex justify-end">
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? "Resetting…" : "Reset password"}
          </Button>
        </div>
      </fieldset>
    </LiveForm>
  );
}
