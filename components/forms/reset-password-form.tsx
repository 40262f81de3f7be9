"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { resetPasswordAction } from "@/app/(console)/users/actions";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { ZResetPasswordRequest } from "@/lib/users/schemas";
import { applyResult } from "./apply-result";
import { FormError } from "./form-error";
import { PasswordField } from "./password-field";

export function ResetPasswordForm({ id, version, external }: { id: string; version: number; external: boolean }) {
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(ZResetPasswordRequest),
    defaultValues: { id, version, password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(resetPasswordAction, values);
    if (
      applyResult(
        result,
        form.setError,
        external ? "Password replaced." : "Password reset. The user must change it at the next sign-in.",
      )
    ) {
      form.reset({ id, version: result.data?.version ?? version, password: "", confirmPassword: "" });
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
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
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? "Resetting…" : "Reset password"}
        </Button>
      </div>
    </form>
  );
}
