"use client";
// Calls a server action from the browser. A request that never reaches the server (network down,
// server restarting) rejects instead of returning a result; it becomes a result like any other
// failure, so the form says that nothing was saved and keeps what the user typed.
import type { ActionResult } from "@/lib/actions/result";

export const NETWORK_FAILURE =
  "The request did not reach the server, so nothing was saved. Check the connection and try again.";

export async function callAction<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  input: I,
): Promise<ActionResult<T>> {
  try {
    return await action(input);
  } catch {
    return { ok: false, code: "error", formError: NETWORK_FAILURE, fieldErrors: {} };
  }
}
