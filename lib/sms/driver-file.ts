// What a driver configuration file may be, without a schema: the browser loads it with the import form's page
// and the form's validation later (components/forms/lazy-schema.ts).

export const DRIVER_FORMATS = ["cfg", "csv"] as const;
export type DriverFormat = (typeof DRIVER_FORMATS)[number];

/** A driver file may be this large: a few hundred channels' sections. */
export const MAX_DRIVER_FILE_BYTES = 256 * 1024;
