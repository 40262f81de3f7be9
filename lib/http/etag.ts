// Record versions as entity tags: reads send `ETag: W/"<version>"`, writes name the version they change
// in `If-Match`, which the services compare with the record's version (a mismatch is stale: 412).

export function etagOf(version: number): string {
  return `W/"${version}"`;
}

export type IfMatch = { kind: "missing" } | { kind: "version"; version: number } | { kind: "unusable" };

/** The version an If-Match header names: one tag, weak or strong, holding a whole number. */
export function parseIfMatch(header: string | null): IfMatch {
  if (header === null || header.trim() === "") return { kind: "missing" };
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return match ? { kind: "version", version: Number(match[1]) } : { kind: "unusable" };
}
