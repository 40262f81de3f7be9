"use client";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { createIncomingUserAction } from "@/app/(console)/messaging-services/actions";
import { callAction } from "@/components/forms/call-action";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyResult } from "./apply-result";
import { FormError } from "./form-error";
import { lazySchema, lazyZodResolver } from "./lazy-schema";
import { PasswordField } from "./password-field";

const incomingUserForServiceRequestResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/messaging/schemas").then((m) => m.ZIncomingUserForServiceRequest)),
);

export function IncomingUserForm({ service }: { service: { id: string; name: string } }) {
  const router = useRouter();
  const back = `/messaging-services/${service.id}`;
  const form = useForm({
    resolver: incomingUserForServiceRequestResolver,
    defaultValues: {
      serviceId: service.id,
      firstName: "",
      lastName: "",
      logonName: "",
      password: "",
      confirmPassword: "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(createIncomingUserAction, values);
    if (
      applyResult(
        result,
        form.setError,
        `External user ${values.logonName} created with the Use right on ${service.name}.`,
      )
    ) {
      router.push(back);
    }
  });
  return (
    <LiveForm onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="firstName" label="First name" error={errors.firstName?.message} required>
          {(a11y) => <input {...a11y} {...form.register("firstName")} className={inputClass} />}
        </Field>
        <Field id="lastName" label="Last name" error={errors.lastName?.message} required>
          {(a11y) => <input {...a11y} {...form.register("lastName")} className={inputClass} />}
        </Field>
        <Field
          id="logonName"
          label="Logon name"
          error={errors.logonName?.message}
          required
          help="A new, unique name for the external system."
        >
          {(a11y) => <input {...a11y} {...form.register("logonName")} autoComplete="off" className={inputClass} />}
        </Field>
        <div />
        <PasswordField
          id="password"
          label="Password"
          error={errors.password?.message}
          help="12 to 128 characters; give it to the external system."
          registration={form.register("password")}
        />
        <PasswordField
          id="confirmPassword"
          label="Repeat the password"
          error={errors.confirmPassword?.message}
          registration={form.register("confirmPassword")}
        />
      </div>
      <FormError message={errors.root?.server?.message} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => router.push(back)}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create external user"}
        </Button>
      </div>
    </LiveForm>
  );
}
