// Where to go after signing in: only a path on this console's own origin, anything else goes home.
// The check parses the target the way a browser does (WHATWG URL), so tricks that browsers read as
// another host (`/\host`, `/%09/host`, `//host`, `/.//host`) are caught by what they become.
const PLACEHOLDER_ORIGIN = "http://switchboard.invalid";

// Backslashes and C0/DEL controls are never part of a path a console link produces; browsers
// silently drop or rewrite them, which is exactly how the known open-redirect tricks work.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const SUSPICIOUS = /[\\\u0000-\u001f\u007f]/;

/**
 * The same-origin path (with query and fragment) that `target` leads to, or "/" when it could leave
 * the origin. `target` is a path, or an absolute URL that is accepted only on `origin`.
 */
export function sameOriginPath(target: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return "/";
  if (SUSPICIOUS.test(target)) return "/";
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  // A relative target must be a path from the root, not "evil.example" or "?x" relative to the page.
  if (!target.startsWith("/") && !target.startsWith(`${base.origin}/`) && target !== base.origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//host" resolves to the path "//host", which a browser would read as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}
