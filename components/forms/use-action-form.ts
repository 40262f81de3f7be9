"use client";
// One way for a console form to call its server action: the record's version travels beside the fields and
// moves on with each save, a lost session goes to sign-in, and after a save the form is held still (disabled)
// until the page's refresh remounts it with what was stored, so nothing typed meanwhile is thrown away.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type FieldValues, type UseFormProps, useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";
import { applyResult } from "./apply-result";
import { callAction } from "./call-action";

type Action<I, T> = (input: I) => Promise<ActionResult<T>>;

const versionOf = (data: unknown): number | undefined =>
  typeof data === "object" && data !== null && "version" in data && typeof data.version === "number"
    ? data.version
    : undefined;

/** The record's version as the form knows it; `saved` takes a save's new version and refreshes the page. */
function useSavedVersion(initialVersion?: number) {
  const router = useRouter();
  const [version, setVersion] = useState(initialVersion);
  const [refreshing, startRefresh] = useTransition();
  function saved(data: unknown) {
    setVersion((current) => versionOf(data) ?? current);
    startRefresh(() => router.refresh());
  }
  return { version, refreshing, saved, router };
}

/**
 * For controls without a form library (a switch, a list box): `save` calls the action and returns its result;
 * a failure is for the control to show (a lost session has already gone to sign-in), a success takes the new
 * version and refreshes the page while `busy` holds the control still.
 */
export function useActionCall(initialVersion?: number) {
  const { version, refreshing, saved } = useSavedVersion(initialVersion);
  const [pending, setPending] = useState(false);

  async function save<I, T>(action: Action<I, T>, input: I): Promise<ActionResult<T>> {
    setPending(true);
    const result = await callAction(action, input);
    setPending(false);
    if (result.ok) saved(result.data);
    else if (result.code === "unauthenticated") window.location.assign("/login");
    return result;
  }

  return { version, busy: pending || refreshing, save };
}

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
