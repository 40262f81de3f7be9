"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ZSignInRequest } from "@/lib/auth/schemas";

export function LoginForm({ next }: { next: string }) {
  const form = useForm({ resolver: zodResolver(ZSignInRequest), defaultValues: { logonName: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result?.ok) {
      form.setValue("password", "");
      form.setError("root.server", { message: result?.error || "Signing in failed. Try again." });
      return;
    }
    window.location.assign(next);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="logonName" label="Logon name" error={errors.logonName?.message}>
        {(a11y) => <input {...a11y} {...form.register("logonName")} autoComplete="username" className={inputClass} />}
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        {(a11y) => (
          <input
            {...a11y}
            {...form.register("password")}
            type="password"
            autoComplete="current-password"
            className={inputClass}
          />
        )}
      </Field>
      <FormError message={errors.root?.server?.message} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
