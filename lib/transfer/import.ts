// Import: a document's records created or updated through their areas' services, all in one transaction.
// A dry run does the same and rolls it back, so it reports exactly what the import would do, with every
// check of the services (rights, validation, references) and nothing written. A real import commits only
// when no record failed; one failure and nothing is written, audit rows and revisions included.
import { z } from "zod";
import { type Changes, diff } from "../audit/diff";
import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { db, rootDb } from "../db";
import { runInTransaction, withSavepoint } from "../db/ambient";
import { type FieldErrors, invalid } from "../errors";
import { failureFrom } from "../operations/run";
import { isScopable } from "../rights/objects";
import { requireRight } from "../rights/require";
import type { TransferArea } from "./area";
import { TRANSFER_AREAS } from "./areas";
import { ZTransferDocument } from "./document";
import { type TImportPolicy, ZImportPolicy } from "./schemas";

export const IMPORT_ACTIONS = ["create", "update", "unchanged", "conflict", "error"] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

const ZFieldChange = z.union([z.object({ from: z.unknown(), to: z.unknown() }), z.enum(["set", "changed", "cleared"])]);

export const ZImportRecordResult = z.object({
  area: z.string(),
  /** The rights catalog's object type, for wording the changes as the audit trail does. */
  objectType: z.string(),
  /** The record's place in its area's array, from 0. */
  index: z.number().int(),
  /** Its natural key (name, logon name, setting key), or "" when the record could not be read. */
  key: z.string(),
  action: z.enum(IMPORT_ACTIONS),
  /** For an update or a conflict: field by field, from what is stored to what the document holds. */
  changes: z.record(z.string(), ZFieldChange).optional(),
  /** For a conflict or an error: why. */
  message: z.string().optional(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  /** What still needs doing after the import, such as a password to set. */
  notes: z.array(z.string()).optional(),
});

export const ZImportReport = z.object({
  dryRun: z.boolean(),
  policy: ZImportPolicy,
  /** True when the records were written (never in a dry run). */
  applied: z.boolean(),
  counts: z.record(z.enum(IMPORT_ACTIONS), z.number().int()),
  records: z.array(ZImportRecordResult),
});

/** An import as the API takes it: the document, and the query's dryRun and policy. */
export const ZImportRequest = z.object({
  document: z.unknown(),
  dryRun: z
    .enum(["true", "false"], "dryRun is true or false.")
    .default("false")
    .transform((value) => value === "true"),
  policy: ZImportPolicy.default("fail"),
});

export type TImportRequest = z.infer<typeof ZImportRequest>;
export type TImportRecordResult = z.infer<typeof ZImportRecordResult>;
export type TImportReport = z.infer<typeof ZImportReport>;

export interface ImportOptions {
  policy: TImportPolicy;
  dryRun: boolean;
}

/** Thrown to end the transaction without committing (a dry run, or a failed record). */
class RollBack extends Error {}

/** An import may take a while (each new user's password is hashed); it holds one transaction throughout. */
const IMPORT_TIMEOUT_MS = 120_000;

/** The dry run: what the import would do with each record, nothing written. */
export function planImport(actor: Actor, document: unknown, policy: TImportPolicy): Promise<TImportReport> {
  return runImport(actor, document, { policy, dryRun: true });
}

/** The import: every record applied, or (when any fails) none; the report says which. */
export function applyImport(actor: Actor, document: unknown, policy: TImportPolicy): Promise<TImportReport> {
  return runImport(actor, document, { policy, dryRun: false });
}

export async function runImport(actor: Actor, document: unknown, options: ImportOptions): Promise<TImportReport> {
  const parsed = ZTransferDocument.safeParse(document);
  if (!parsed.success) {
    // The document as a whole is unusable: its first problem says best which (format, version, shape).
    const { fieldErrors } = z.flattenError(parsed.error);
    throw invalid(fieldErrors as FieldErrors, parsed.error.issues[0]?.message ?? "This is not a Switchboard export.");
  }
  const records: TImportRecordResult[] = [];
  try {
    await runInTransaction(
      rootDb(),
      async () => {
        for (const area of TRANSFER_AREAS) {
          const seen = new Set<string>();
          for (const [index, raw] of (parsed.data.areas[area.key] ?? []).entries()) {
            records.push(await importRecord(actor, area, index, raw, seen, options.policy));
          }
        }
        if (options.dryRun || !succeeded(records, options.policy)) throw new RollBack();
        await recordAudit(db(), actor, {
          action: "import",
          detail: `Imported (policy ${options.policy}): ${summary(records)}`,
        });
      },
      { timeout: IMPORT_TIMEOUT_MS },
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    return report(records, options, false);
  }
  return report(records, options, true);
}

async function importRecord(
  actor: Actor,
  area: TransferArea,
  index: number,
  raw: unknown,
  seen: Set<string>,
  policy: TImportPolicy,
): Promise<TImportRecordResult> {
  const at = { area: area.key, objectType: area.objectType, index };
  const parsed = area.schema.safeParse(raw);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    const key = typeof raw === "object" && raw !== null ? guessKey(raw) : "";
    return {
      ...at,
      key,
      action: "error",
      message: formErrors[0] ?? "Some fields need attention.",
      fieldErrors: fieldErrors as FieldErrors,
    };
  }
  const incoming = parsed.data;
  const key = area.keyOf(incoming);
  if (seen.has(key.toLowerCase())) {
    return { ...at, key, action: "error", message: "This record appears twice in the document." };
  }
  seen.add(key.toLowerCase());
  const step = await withSavepoint(async (): Promise<TImportRecordResult> => {
    const stored = await area.find(key);
    if (!stored) {
      const notes = await area.create(actor, incoming);
      return { ...at, key, action: "create", changes: diff(null, area.present(incoming)), ...notesOf(notes) };
    }
    await requireRight(actor, area.objectType, "view", isScopable(area.objectType) ? stored.id : undefined);
    const changes: Changes = area.compare(stored.record, incoming);
    if (Object.keys(changes).length === 0) return { ...at, key, action: "unchanged" };
    if (policy !== "overwrite") {
      const message =
        policy === "skip"
          ? "Exists with other values: skipped (policy: skip)."
          : 'Exists with other values: the policy "fail" refuses the import.';
      return { ...at, key, action: "conflict", changes, message };
    }
    const notes = await area.update(actor, stored, incoming);
    return { ...at, key, action: "update", changes, ...notesOf(notes) };
  });
  if (step.ok) return step.value;
  const failure = failureFrom(step.error);
  return {
    ...at,
    key,
    action: "error",
    message: failure.message,
    ...(Object.keys(failure.fieldErrors).length > 0 ? { fieldErrors: failure.fieldErrors } : {}),
  };
}

/** A record that failed its schema may still carry a readable name, for the report. */
function guessKey(raw: object): string {
  for (const field of ["name", "logonName", "key"]) {
    const value = (raw as Record<string, unknown>)[field];
    if (typeof value === "string") return value.slice(0, 300);
  }
  return "";
}

const notesOf = (notes: string[]) => (notes.length > 0 ? { notes } : {});

function succeeded(records: readonly TImportRecordResult[], policy: TImportPolicy): boolean {
  return !records.some((r) => r.action === "error" || (r.action === "conflict" && policy === "fail"));
}

function countsOf(records: readonly TImportRecordResult[]): Record<ImportAction, number> {
  const counts = Object.fromEntries(IMPORT_ACTIONS.map((action) => [action, 0])) as Record<ImportAction, number>;
  for (const record of records) counts[record.action] += 1;
  return counts;
}

function summary(records: readonly TImportRecordResult[]): string {
  const counts = countsOf(records);
  return `${counts.create} created, ${counts.update} updated, ${counts.unchanged} unchanged, ${counts.conflict} skipped`;
}

function report(records: TImportRecordResult[], options: ImportOptions, applied: boolean): TImportReport {
  return { dryRun: options.dryRun, policy: options.policy, applied, counts: countsOf(records), records };
}

/**
 * For the API: a refused import as an error whose field errors name each failing record
 * ("users.2.email"), so a script learns what to fix without a dry run.
 */
export function requireApplied(report: TImportReport): TImportReport {
  if (report.applied || report.dryRun) return report;
  const fieldErrors: FieldErrors = {};
  for (const record of report.records) {
    if (record.action !== "error" && record.action !== "conflict") continue;
    const path = `${record.area}.${record.index}`;
    const fields = Object.entries(record.fieldErrors ?? {});
    // A record's own message only where no field says what is wrong.
    if (fields.length === 0) fieldErrors[path] = [record.message ?? "This record failed."];
    for (const [field, messages] of fields) fieldErrors[`${path}.${field}`] = messages;
  }
  const failed = report.counts.error + (report.policy === "fail" ? report.counts.conflict : 0);
  throw invalid(
    fieldErrors,
    `Nothing was imported: ${failed} record${failed === 1 ? "" : "s"} failed. Run a dry run to see each one.`,
  );
}
