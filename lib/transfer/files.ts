// What the console's import and export forms and the API say about the files themselves: no schema here, so
// the browser loads it with the page and the forms' validation can load later (components/forms/lazy-schema.ts).

/** An import document may be this large (four times a form's body: a whole installation's configuration). */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** The file name a download gets: switchboard-export-2026-12-07.json. */
export function exportFileName(exportedAt: string): string {
  return `switchboard-export-${exportedAt.slice(0, 10)}.json`;
}
