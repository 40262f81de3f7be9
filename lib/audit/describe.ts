// An audit row's changes in the console's words: field labels instead of keys, credential changes as
// sentences, rights as "View on all users", object ids as names. Pure: the names come from the caller.
import { ACCESS_LABELS, OBJECT_TYPE_LABELS, OBJECT_TYPE_SINGULAR } from "../rights/catalog";
import { fieldLabel, fieldOrder, valueLabel } from "./field-labels";

export interface ChangeLine {
  /** What changed, as the console labels it: "Logon name", "Authentication entry webhook". */
  label: string;
  /** What happened to it: "Doe → Doe-Smith", "secret replaced", "added View on all users". */
  text: string;
}

interface Row {
  action: string;
  objectType: string | null;
  changes: unknown;
}

type Names = ReadonlyMap<string, string>;

const EMPTY = "(empty)";
const SECRET_CHANGES = new Set(["set", "changed", "cleared"]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/** The ids of objects that rights in these changes are limited to, to be looked up as names. */
export function rightObjectIds(changes: unknown): string[] {
  if (!isRecord(changes) || !isRecord(changes.rights)) return [];
  const { from, to } = changes.rights;
  return [from, to]
    .flatMap((side) => (Array.isArray(side) ? side : []))
    .map((key) => (typeof key === "string" ? key.split(":")[2] : undefined))
    .filter((id): id is string => !!id && id !== "*");
}

/** "messaging_service:view:*" → "View on all messaging services"; with an id, the object's name. */
export function rightLabel(key: string, names: Names): string {
  const [type = "", access = "", objectId = "*"] = key.split(":");
  const accessLabel = ACCESS_LABELS[access as keyof typeof ACCESS_LABELS] ?? access;
  if (objectId === "*") {
    const plural = (OBJECT_TYPE_LABELS[type as keyof typeof OBJECT_TYPE_LABELS] ?? type).toLowerCase();
    // The audit trail and the settings are one thing each, not a set of objects.
    return type === "audit" || type === "settings" ? `${accessLabel} on ${plural}` : `${accessLabel} on all ${plural}`;
  }
  const singular = OBJECT_TYPE_SINGULAR[type as keyof typeof OBJECT_TYPE_SINGULAR] ?? type;
  return `${accessLabel} on ${singular.toLowerCase()} ${names.get(objectId) ?? "(deleted)"}`;
}

function valueText(row: Row, field: string, value: unknown, names: Names): string {
  if (isEmpty(value)) return EMPTY;
  if (typeof value === "boolean") {
    if (row.objectType === "settings") return value ? "on" : "off";
    return value ? "yes" : "no";
  }
  if (Array.isArray(value)) {
    return value.map((item) => (field === "rights" ? rightLabel(String(item), names) : String(item))).join(", ");
  }
  if (typeof value === "string") return valueLabel(row.objectType, field, value);
  return JSON.stringify(value);
}

/** Lists say what was added and removed, so a long list with one change reads as that one change. */
function listChange(row: Row, field: string, from: unknown[], to: unknown[], names: Names): string {
  const added = to.filter((item) => !from.includes(item));
  const removed = from.filter((item) => !to.includes(item));
  const parts = [
    added.length ? `added ${valueText(row, field, added, names)}` : "",
    removed.length ? `removed ${valueText(row, field, removed, names)}` : "",
  ].filter(Boolean);
  return parts.join("; ") || "reordered";
}

/** Messaging credentials and JWT keys: one sentence per entry, the secret only as what happened to it. */
function entryLines(change: { from: unknown; to: unknown }, one: string, many: string): ChangeLine[] {
  if (isRecord(change.to)) {
    return Object.entries(change.to).map(([id, what]) => ({ label: `${one} ${id}`, text: String(what) }));
  }
  if (Array.isArray(change.from) && change.from.length > 0) {
    return [{ label: many, text: change.from.map(String).join(", ") }];
  }
  return [];
}

export function describeChanges(row: Row, names: Names = new Map()): ChangeLine[] {
  if (!isRecord(row.changes)) return [];
  const lines: ChangeLine[] = [];
  const fields = Object.entries(row.changes).sort(
    ([a], [b]) => fieldOrder(row.objectType, a) - fieldOrder(row.objectType, b) || a.localeCompare(b),
  );
  for (const [field, change] of fields) {
    const label = fieldLabel(row.objectType, field);
    if (typeof change === "string") {
      lines.push({ label, text: SECRET_CHANGES.has(change) ? change : String(change) });
      continue;
    }
    if (!isRecord(change) || !("from" in change || "to" in change)) continue;
    if (field === "credentials" && row.objectType === "messaging_service") {
      lines.push(...entryLines({ from: change.from, to: change.to }, "Authentication entry", "Authentication entries"));
      continue;
    }
    if (field === "jwtKeys" && row.objectType === "community") {
      lines.push(...entryLines({ from: change.from, to: change.to }, "JWT key", "JWT keys"));
      continue;
    }
    const { from, to } = change;
    // A new object lists what it was created with, a deleted one what it had: empty fields say nothing.
    if (row.action === "create" && isEmpty(from)) {
      if (!isEmpty(to)) lines.push({ label, text: valueText(row, field, to, names) });
      continue;
    }
    if (row.action === "delete" && isEmpty(to)) {
      if (!isEmpty(from)) lines.push({ label, text: valueText(row, field, from, names) });
      continue;
    }
    if (Array.isArray(from) && Array.isArray(to)) {
      lines.push({ label, text: listChange(row, field, from, to, names) });
      continue;
    }
    lines.push({ label, text: `${valueText(row, field, from, names)} → ${valueText(row, field, to, names)}` });
  }
  return lines;
}
