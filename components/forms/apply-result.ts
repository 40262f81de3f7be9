"use client";
// Shows a server action's result: success in a toast; errors next to their fields and once in the form's box
// (a toast as well would say the same thing twice).
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/result";

export function applyResult<T, F extends FieldValues>(
  result: ActionResult<T>,
  setError: UseFormSetError<F>,
  success: string,
): result is Extract<ActionResult<T>, { ok: true }> {
  if (result.ok) {
    toast.success(success);
    return true;
  }
  for (const [field, messages] of Object.entries(result.fieldErrors)) {
    if (messages?.[0]) setError(field as Path<F>, { type: "server", message: messages[0] });
  }
  if (result.code === "unauthenticated") {
    window.location.assign("/login");
    return false;
  }
  setError("root.server" as Path<F>, { type: "server", message: result.formError });
  return false;
}
