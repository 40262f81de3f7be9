"use client";
// One way for a console form to call its server action: the record's version travels beside the fields and
// moves on with each save, a lost session goes to sign-in, and after a save the form is held still (disabled)
// until the page's refresh remounts it with what was stored, so nothing typed meanwhile is thrown away.
import { type FieldValues, type UseFormProps, useForm } from "react-hook-form";
import { applyResult } from "./apply-result";
import { callAction } from "./call-action";
import { type Action, useSavedVersion } from "./use-action-call";

/**
 * A react-hook-form form bound to server actions: field errors land next to their fields and the form's
 * message in its box (apply-result.ts). `create` returns the action's data on success (the caller moves on
 * to the new record); `save` changes an existing record: the new version, and the page refreshed while
 * `busy` holds the form still. `initialVersion`: the record's version as the page loaded it.
 */
export function useActionForm<F extends FieldValues, V extends FieldValues = F>(
  props: UseFormProps<F, unknown, V>,
  initialVersion?: number,
) {
  const form = useForm<F, unknown, V>(props);
  const { version, refreshing, saved, router } = useSavedVersion(initialVersion);

  async function create<I, T>(action: Action<I, T>, input: I, success: string): Promise<T | undefined> {
    const result = await callAction(action, input);
    return applyResult(result, form.setError, success) ? result.data : undefined;
  }

  async function save<I, T>(action: Action<I, T>, input: I, success: string): Promise<boolean> {
    const result = await callAction(action, input);
    if (!applyResult(result, form.setError, success)) return false;
    saved(result.data);
    return true;
  }

  const busy = form.formState.isSubmitting || refreshing;
  return { form, version, busy, refreshing, create, save, router };
}
