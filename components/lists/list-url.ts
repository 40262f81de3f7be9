// Builds list URLs that keep the current search, sort and filters while changing one of them.
export type Query = Record<string, string | undefined>;

export function listHref(path: string, query: Query, change: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...change })) {
    if (value !== undefined && value !== "") params.set(key, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
