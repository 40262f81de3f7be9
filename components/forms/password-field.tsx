// A labelled password input: the shape every password in the console takes.
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, inputClass } from "@/components/ui/field";

export function PasswordField({
  id,
  label,
  error,
  help,
  registration,
  current = false,
}: {
  id: string;
  label: string;
  error?: string;
  help?: string;
  registration: UseFormRegisterReturn;
  /** An existing password being confirmed, rather than a new one being chosen. */
  current?: boolean;
}) {
  return (
    <Field id={id} label={label} error={error} help={help} required>
      {(a11y) => (
        <input
          {...a11y}
          {...registration}
          type="password"
          autoComplete={current ? "current-password" : "new-password"}
          className={inputClass}
        />
      )}
    </Field>
  );
}
