"use client";
// False while the server's HTML is on screen, true once React runs the page in the browser. Controls that
// need JavaScript (a form library's fields, a button's click handler) stay disabled until then: a click or
// a keystroke before would be lost or reset, and the page would look like it ignored the user.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
