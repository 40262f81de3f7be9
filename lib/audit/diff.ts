// Before/after differences for the audit trail. Secret fields appear only as set, changed or cleared.

export type SecretChange = "set" | "changed" | "cleared";
export type FieldChange = { from: unknown; to: unknown } | SecretChange;
export type Changes = Record<string, FieldChange>;

type Snapshot = Record<string, unknown> | null;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function secretChange(before: unknown, after: unknown): SecretChange | null {
  const had = before !== null && before !== undefined && before !== "";
  const has = after !== null && after !== undefined && after !== "";
  if (!had && has) return "set";
  if (had && !has) return "cleared";
  if (had && has && before !== after) return "changed";
  return null;
}

/** Fields that differ between two snapshots; `secrets` names fields whose values never appear. */
export function diff(before: Snapshot, after: Snapshot, secrets: readonly string[] = []): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const from = before?.[key];
    const to = after?.[key];
    if (secrets.includes(key)) {
      const change = secretChange(from, to);
      if (change) changes[key] = change;
    } else if (!same(from, to)) {
      changes[key] = { from: from ?? null, to: to ?? null };
    }
  }
  return changes;
}
