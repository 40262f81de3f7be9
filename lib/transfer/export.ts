// Export: the records of the chosen areas (all the actor may view, by default) as one document, in each
// area's portable form, without secrets. Audited, with what it held.
import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { forbidden } from "../errors";
import { refuse } from "../rights/require";
import type { Portable, TransferArea } from "./area";
import { TRANSFER_AREA_KEYS, TRANSFER_AREAS } from "./areas";
import { EXPORT_FORMAT, EXPORT_VERSION, type TExportDocument } from "./document";

const ZAreaKey = z.enum(TRANSFER_AREA_KEYS as [string, ...string[]], "No such area.");

export const ZExportRequest = z.object({
  /** Absent: every area the actor may view. */
  areas: z
    .array(ZAreaKey)
    .max(TRANSFER_AREA_KEYS.length * 2)
    .optional(),
  /** Per area, the natural keys of the records to export (absent: all of the area). */
  keys: z.partialRecord(ZAreaKey, z.array(z.string().max(300)).max(1000)).optional(),
});

export type TExportRequest = z.infer<typeof ZExportRequest>;

/** The areas the actor may view; refused (and audited, as a list page is) when there is none. */
export async function viewableAreas(actor: Actor): Promise<TransferArea[]> {
  const areas = TRANSFER_AREAS.filter((area) => area.mayView(actor));
  if (areas.length > 0) return areas;
  const [first] = TRANSFER_AREAS;
  throw first
    ? await refuse(actor, first.objectType, "view", undefined, "No view right on any area of an export")
    : forbidden();
}

export async function exportDocument(actor: Actor, selection: TExportRequest): Promise<TExportDocument> {
  const chosen = selection.areas
    ? TRANSFER_AREAS.filter((area) => selection.areas?.includes(area.key))
    : await viewableAreas(actor);
  const areas: Record<string, Portable[]> = {};
  for (const area of chosen) {
    // Asked for by name, an area the actor may not view is refused like its list page.
    if (!area.mayView(actor)) throw await refuse(actor, area.objectType, "view");
    const wanted = selection.keys?.[area.key]?.map((key) => key.trim().toLowerCase());
    const records = await area.exportAll(actor);
    areas[area.key] = wanted ? records.filter((r) => wanted.includes(area.keyOf(r).toLowerCase())) : records;
  }
  const counts = chosen.map((area) => `${areas[area.key]?.length ?? 0} ${area.label.toLowerCase()}`);
  await recordAudit(db(), actor, { action: "export", detail: `Exported ${counts.join(", ")}` });
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), areas };
}
