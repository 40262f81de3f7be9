"use client";
import { Check, Copy } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createApiTokenAction } from "@/app/(console)/api-tokens/actions";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { applyResult } from "./apply-result";
import { FormError } from "./form-error";

const EXPIRY_CHOICES = [
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "never", label: "Never (until revoked)" },
] as const;

interface Values {
  name: string;
  expiresInDays: string;
  readOnly: boolean;
}

export function ApiTokenForm() {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; text: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useForm<Values>({ defaultValues: { name: "", expiresInDays: "90", readOnly: false } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createApiTokenAction({
      name: values.name,
      expiresInDays: values.expiresInDays === "never" ? null : Number(values.expiresInDays),
      readOnly: values.readOnly,
    });
    if (applyResult(result, form.setError, `Token ${values.name} created.`)) {
      setCreated({ name: result.data.name, text: result.data.text });
      setCopied(false);
      form.reset();
      router.refresh();
    }
  });

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      toast.error("The browser did not allow copying. Select the token and copy it yourself.");
    }
  }

  return (
    <div className="space-y-5">
      {created ? (
        <section aria-label="New token" className="rounded-md border border-amber-300 bg-amber-50 p-4">
          <p className="text-sm font-medium text-amber-900">
            Copy the token “{created.name}” now: you will not see it again.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <input
              readOnly
              aria-label="Token"
              value={created.text}
              onFocus={(event) => event.currentTarget.select()}
              className={`${inputClass} font-mono`}
            />
            <Button variant="secondary" onClick={() => copy(created.text)}>
              {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="mt-2 text-xs text-amber-900">
            Send it as <code>Authorization: Bearer …</code> to /api/v1. It acts with your rights.
          </p>
        </section>
      ) : null}
      <LiveForm onSubmit={onSubmit} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="name"
            label="Name"
            help="What the token is for, e.g. the script using it."
            error={errors.name?.message}
            required
          >
            {(a11y) => <input {...a11y} {...form.register("name")} className={inputClass} />}
          </Field>
          <Field id="expiresInDays" label="Expires" error={errors.expiresInDays?.message}>
            {(a11y) => (
              <select {...a11y} {...form.register("expiresInDays")} className={inputClass}>
                {EXPIRY_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" {...form.register("readOnly")} className="size-4 rounded border-slate-300" />
          Read-only: the token can only view, whatever rights you hold
        </label>
        <FormError message={errors.root?.server?.message} />
        <div className="flex justify-end">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : "Create token"}
          </Button>
        </div>
      </LiveForm>
    </div>
  );
}
