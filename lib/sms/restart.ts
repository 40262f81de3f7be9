// Restart tracking: the driver reads after-restart options only when it starts, so a channel whose
// after-restart options differ from what the driver last started with is "restart pending", and people
// see exactly which options changed (old → new; a secret only as changed).
import { SMS_OPTIONS, type SmsOptionName } from "./options";

/** Option name → value as stored (secrets sealed); an option not set is absent. */
export type OptionState = Partial<Record<SmsOptionName, string>>;

export interface PendingChange {
  option: SmsOptionName;
  secret: boolean;
  /** Plain options only; null: not set (the driver's default applied). */
  from: string | null;
  to: string | null;
  /** For a secret: what happened to it, never its value. */
  secretChange?: "set" | "changed" | "cleared";
}

const AFTER_RESTART = SMS_OPTIONS.filter((o) => o.takesEffect === "after-restart");

/** The after-restart options of a channel, as the restart baseline keeps them. */
export function restartState(options: Record<string, string>, secretsSealed: Record<string, string>): OptionState {
  const state: OptionState = {};
  for (const option of AFTER_RESTART) {
    const value = option.secret ? secretsSealed[option.name] : options[option.name];
    if (value !== undefined && value !== "") state[option.name] = value;
  }
  return state;
}

/** What changed since the driver last started; a channel never started since added counts from nothing set. */
export function pendingChanges(baseline: OptionState | null, current: OptionState): PendingChange[] {
  const before = baseline ?? {};
  const changes: PendingChange[] = [];
  for (const option of AFTER_RESTART) {
    const from = before[option.name] ?? null;
    const to = current[option.name] ?? null;
    if (from === to) continue;
    if (option.secret) {
      const secretChange = from === null ? "set" : to === null ? "cleared" : "changed";
      changes.push({ option: option.name, secret: true, from: null, to: null, secretChange });
    } else {
      changes.push({ option: option.name, secret: false, from, to });
    }
  }
  return changes;
}

export function isRestartPending(baseline: OptionState | null, current: OptionState): boolean {
  return baseline === null || pendingChanges(baseline, current).length > 0;
}

/** A pending change in words: "x-smpp-tls-mode: off → mutual", "password: changed". */
export function describePendingChange(change: PendingChange): string {
  if (change.secret) return `${change.option}: ${change.secretChange === "set" ? "set" : change.secretChange}`;
  return `${change.option}: ${change.from ?? "not set"} → ${change.to ?? "not set"}`;
}

/** A stored JSON object of option values, read defensively (the column is JSON). */
export function optionRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}
