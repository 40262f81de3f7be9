"use client";
import { useForm } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { callAction } from "@/components/forms/call-action";
import { FormError } from "@/components/forms/form-error";
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { PasswordField } from "@/components/forms/password-field";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { changeOwnPasswordAction } from "./actions";

const changeOwnPasswordRequestResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/users/schemas").then((m) => m.ZChangeOwnPasswordRequest)),
);

export function ChangePasswordForm({ logonName, forced }: { logonName: string; forced: boolean }) {
  const form = useForm({
    resolver: changeOwnPasswordRequestResolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    // On success the action sends the browser on to the console; only a refusal comes back here.
    const result = await callAction(changeOwnPasswordAction, values);
    applyResult(result, form.setError, "Password changed.");
  });

  return (
    <LiveForm onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="text" name="username" autoComplete="username" value={logonName} readOnly hidden />
      <PasswordField
        id="currentPassword"
        label={forced ? "One-time password" : "Current password"}
        error={errors.currentPassword?.message}
        registration={form.register("currentPassword")}
        current
      />
      <PasswordField
        id="newPassword"
        label="New password"
        error={errors.newPassword?.message}
        help="12 to 128 characters. Common passwords are refused."
        registration={form.register("newPassword")}
      />
      <PasswordField
        id="confirmPassword"
        label="Repeat the new password"
        error={errors.confirmPassword?.message}
        registration={form.register("confirmPassword")}
      />
      <FormError message={errors.root?.server?.message} />
      <div className="flex items-center justify-between gap-3">
        {forced ? (
          // The only way out of a forced change that cannot be made now.
          <SignOutButton className="-ml-2.5" />
        ) : (
          <Link href="/" className="text-sm text-slate-600 hover:underline">
            Cancel
          </Link>
        )}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Change password"}
        </Button>
      </div>
    </LiveForm>
  );
}
