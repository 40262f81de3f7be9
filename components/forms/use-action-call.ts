"use client";
// Saving through a server action with the record's version (use-action-form.ts does it for react-hook-form
// forms). Apart from the form hook so that controls without a form library (a switch, a list box) do not
// load react-hook-form with their page.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { callAction } from "./call-action";

export type Action<I, T> = (input: I) => Promise<ActionResult<T>>;

const versionOf = (data: unknown): number | undefined =>
  typeof data === "object" && data !== null && "version" in data && typeof data.version === "number"
    ? data.version
    : undefined;

/** The record's version as the form knows it; `saved` takes a save's new version and refreshes the page. */
export function useSavedVersion(initialVersion?: number) {
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
