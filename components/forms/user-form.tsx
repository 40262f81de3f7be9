"use client";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { createUserAction, updateUserAction } from "@/app/(console)/users/actions";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormError } from "./form-error";
import { lazySchema, lazyZodResolver } from "./lazy-schema";
import { PasswordField } from "./password-field";
import { useActionForm } from "./use-action-form";

const createUserRequestResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/users/schemas").then((m) => m.ZCreateUserRequest)),
);
const updateUserRequestResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/users/schemas").then((m) => m.ZUpdateUserRequest)),
);

export interface RoleChoice {
  id: string;
  name: string;
}

interface Common {
  roles: RoleChoice[];
  /** Without manage_rights the roles are shown but cannot be changed. */
  canAssignRoles: boolean;
}

type Values = {
  firstName: string;
  lastName: string;
  logonName: string;
  email: string;
  enabled: boolean;
  roleIds: string[];
};

function BasicFields<F extends FieldValues>({
  form,
  disabled,
  roles,
  canAssignRoles,
}: { form: UseFormReturn<F>; disabled: boolean } & Common) {
  const f = form as unknown as UseFormReturn<Values>;
  const errors = f.formState.errors;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="firstName" label="First name" error={errors.firstName?.message} required>
          {(a11y) => <input {...a11y} {...f.register("firstName")} disabled={disabled} className={inputClass} />}
        </Field>
        <Field id="lastName" label="Last name" error={errors.lastName?.message} required>
          {(a11y) => <input {...a11y} {...f.register("lastName")} disabled={disabled} className={inputClass} />}
        </Field>
        <Field
          id="logonName"
          label="Logon name"
          error={errors.logonName?.message}
          required
          help="Unique, whatever the case. Letters, digits and . _ @ -"
        >
          {(a11y) => (
            <input
              {...a11y}
              {...f.register("logonName")}
              disabled={disabled}
              autoComplete="off"
              className={inputClass}
            />
          )}
        </Field>
        <Field id="email" label="E-mail" error={errors.email?.message} help="Optional.">
          {(a11y) => (
            <input {...a11y} {...f.register("email")} disabled={disabled} type="email" className={inputClass} />
          )}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          {...f.register("enabled")}
          disabled={disabled}
          className="size-4 rounded border-slate-300"
        />
        Enabled <span className="text-slate-500">(a disabled user's sessions end at once)</span>
      </label>
      <fieldset aria-describedby={errors.roleIds ? "roleIds-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Roles</legend>
        {!canAssignRoles ? <p className="text-xs text-slate-600">You do not have the right to change roles.</p> : null}
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {roles.map((role) => (
            <label
              key={role.id}
              className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm"
            >
              <input
                type="checkbox"
                value={role.id}
                {...f.register("roleIds")}
                disabled={disabled || !canAssignRoles}
                className="size-4 rounded border-slate-300"
              />
              {role.name}
            </label>
          ))}
        </div>
        {errors.roleIds ? (
          <p id="roleIds-error" className="mt-1 text-sm text-red-700">
            {errors.roleIds.message}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

export function CreateUserForm({
  roles,
  canAssignRoles,
  defaultKind = "console",
}: Common & { defaultKind?: "console" | "external" }) {
  const { form, busy, create, router } = useActionForm({
    resolver: createUserRequestResolver,
    defaultValues: {
      firstName: "",
      lastName: "",
      logonName: "",
      email: "",
      enabled: true,
      roleIds: [] as string[],
      kind: defaultKind,
      password: "",
      confirmPassword: "",
    },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const created = await create(createUserAction, values, `User ${values.logonName} created.`);
    if (created) router.push(`/users/${created.id}`);
  });
  return (
    <LiveForm onSubmit={onSubmit} noValidate className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Kind</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" value="console" {...form.register("kind")} className="mt-0.5" />
          <span>
            <strong className="font-medium">Console user</strong> — signs in to Switchboard.
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" value="external" {...form.register("kind")} className="mt-0.5" />
          <span>
            <strong className="font-medium">External user</strong> — for incoming authentication of external systems;
            can never sign in here. Do not reuse an existing user.
          </span>
        </label>
      </fieldset>
      <BasicFields form={form} disabled={false} roles={roles} canAssignRoles={canAssignRoles} />
      <div className="grid gap-4 sm:grid-cols-2">
        <PasswordField
          id="password"
          label="Password"
          error={errors.password?.message}
          help="12 to 128 characters. Console users choose their own at first sign-in."
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
        <Button variant="secondary" onClick={() => router.push("/users")}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create user"}
        </Button>
      </div>
    </LiveForm>
  );
}

export function EditUserForm({
  user,
  roles,
  canAssignRoles,
  canSave,
}: Common & { user: Values & { id: string; version: number }; canSave: boolean }) {
  // id and version travel beside the fields; the page remounts the form (its key) with the next version.
  const { form, version, busy, save } = useActionForm(
    { resolver: updateUserRequestResolver, defaultValues: user },
    user.version,
  );
  const { errors, isDirty } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    await save(updateUserAction, { ...values, version: version ?? user.version }, "Changes saved.");
  });
  return (
    <LiveForm onSubmit={onSubmit} noValidate>
      <fieldset disabled={busy} aria-busy={busy} className="space-y-5">
        <BasicFields form={form} disabled={!canSave} roles={roles} canAssignRoles={canAssignRoles} />
        <FormError message={errors.root?.server?.message} />
        {canSave ? (
          <div className="flex justify-end">
            <Button type="submit" disabled={busy || !isDirty}>
              {busy ? "Saving…" : "Save changes"}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </LiveForm>
  );
}
