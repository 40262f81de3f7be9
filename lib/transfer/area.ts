// What export and import need to know of one area. Records travel in a portable form: keyed by their
// natural key (a name, a logon name, a setting key), other records referenced by theirs, never ids,
// versions, timestamps or secrets. Creating and changing goes through the area's own services.
import type { z } from "zod";
import type { Changes } from "../audit/diff";
import type { Actor } from "../auth/actor";
import type { ObjectType } from "../rights/catalog";

/** What a report says of a record that needs a secret an export left out. */
export const NEEDS_SECRET =
  'Needs a secret: an export leaves secrets out. Add it to this entry as "secret", or add the entry in the console after the import.';

export type Portable = Record<string, unknown>;

/** A stored record found by its natural key: what an update needs, and the record in portable form. */
export interface Stored<P extends Portable> {
  id: string;
  version: number;
  record: P;
}

export interface TransferArea<P extends Portable = Portable> {
  /** The key of the area in a document's `areas`. */
  key: string;
  /** How people name the area: "Messaging services". */
  label: string;
  objectType: ObjectType;
  /** One record of an import, checked strictly; field errors come back per record. */
  schema: z.ZodType<P>;
  /** The record's natural key, as matched (case-insensitively) and shown. */
  keyOf(record: P): string;
  /** Whether the actor may view any record of the area (else the area is left out of "everything"). */
  mayView(actor: Actor): boolean;
  /** Every record the actor may view, in portable form. */
  exportAll(actor: Actor): Promise<P[]>;
  /** The stored record with this natural key, if any (no rights decided: the caller checks view). */
  find(key: string): Promise<Stored<P> | null>;
  /** How the stored record differs from the incoming one (secrets only as "replaced"). */
  compare(stored: P, incoming: P): Changes;
  /** What a new record's report shows, worded like its audit row's changes (no secret). */
  present(incoming: P): Portable;
  /** Creates the record through the area's service; returns notes such as "needs a password". */
  create(actor: Actor, incoming: P): Promise<string[]>;
  /** Updates it through the area's service, at the version found. */
  update(actor: Actor, stored: Stored<P>, incoming: P): Promise<string[]>;
}

/** Keeps the record type of each entry while the registry holds them side by side. */
export function defineArea<P extends Portable>(area: TransferArea<P>): TransferArea {
  return area as unknown as TransferArea;
}
