"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { asksForCode, CODE_REQUIRED } from "@/lib/auth/sign-in-messages";

const signInRequestResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/auth/schemas").then((m) => m.ZSignInRequest)),
);

/**
 * Password first; for users with a second factor the server answers CODE_REQUIRED and the form asks
 * for the code, sending the name and password again with it (the server checks all three together).
 */
export function LoginForm({ next }: { next: string }) {
  const [step, setStep] = useState<"password" | "code">("password");
  const form = useForm({
    resolver: signInRequestResolver,
    defaultValues: { logonName: "", password: "", code: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if (step === "code" && !values.code) {
      form.setError("code", { message: "Enter the code from your authenticator app, or a recovery code." });
      return;
    }
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok) {
      window.location.assign(next);
      return;
    }
    const message = result?.error || "Signing in failed. Try again.";
    form.setValue("code", "");
    if (asksForCode(message)) {
      setStep("code");
      if (message !== CODE_REQUIRED) form.setError("root.server", { message });
      setTimeout(() => form.setFocus("code"));
      return;
    }
    setStep("password");
    form.setValue("password", "");
    form.setError("root.server", { message });
  });

  return (
    <>
      <p className="mb-6 text-sm text-slate-600">
        {step === "code" ? (
          <>
            Password accepted for <strong className="font-medium text-slate-800">{form.getValues("logonName")}</strong>.
            Now enter the code from your authenticator app.
          </>
        ) : (
          "Use the logon name and password your administrator gave you."
        )}
      </p>
      <LiveForm onSubmit={onSubmit} noValidate className="space-y-4">
        <div hidden={step === "code"} className="space-y-4">
          <Field id="logonName" label="Logon name" error={errors.logonName?.message}>
            {(a11y) => (
              <input {...a11y} {...form.register("logonName")} autoComplete="username" className={inputClass} />
            )}
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
        </div>
        {step === "code" ? (
          <Field
            id="code"
            label="Authentication code"
            help="The 6-digit code your authenticator app shows, or one of your recovery codes."
            error={errors.code?.message}
          >
            {(a11y) => (
              <input
                {...a11y}
                {...form.register("code")}
                autoComplete="one-time-code"
                autoCapitalize="none"
                spellCheck={false}
                className={`${inputClass} font-mono tracking-widest`}
              />
            )}
          </Field>
        ) : null}
        <FormError message={errors.root?.server?.message} />
        <Button type="submit" disabled={isSubmitting} className="w-full">
          {isSubmitting ? "Signing in…" : step === "code" ? "Verify" : "Sign in"}
        </Button>
        {step === "code" ? (
          <button
            type="button"
            className="w-full text-sm text-slate-600 hover:underline"
            onClick={() => {
              setStep("password");
              form.reset({ logonName: "", password: "", code: "" });
              setTimeout(() => form.setFocus("logonName"));
            }}
          >
            Sign in as someone else
          </button>
        ) : null}
      </LiveForm>
    </>
  );
}
