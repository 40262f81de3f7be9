// The import policy for records that exist with other values, chosen the same way in both import forms.
import type { UseFormRegisterReturn } from "react-hook-form";

export const POLICIES = [
  { value: "skip", label: "Skip", help: "Records that exist with other values stay as they are." },
  { value: "overwrite", label: "Overwrite", help: "Records that exist take the document's values." },
  { value: "fail", label: "Fail", help: "Any record that exists with other values stops the whole import." },
] as const;

export function PolicyFieldset({ legend, registration }: { legend: string; registration: UseFormRegisterReturn }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-3">
        {POLICIES.map((choice) => (
          <label
            key={choice.value}
            className="flex gap-2 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input type="radio" value={choice.value} {...registration} className="mt-0.5 size-4" />
            <span>
              <span className="font-medium text-slate-900">{choice.label}</span>
              <span className="block text-slate-600">{choice.help}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
