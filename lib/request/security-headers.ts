// The security headers of every response. proxy.ts sets them on pages (with a fresh script nonce per
// request); next.config.js repeats the static ones, with a locked-down policy, for the API and the files
// Next serves itself.

/** Headers that are the same on every response. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "X-Frame-Options": "DENY",
};

/** A nonce the browser cannot guess: 16 random bytes, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The console's policy: scripts only from this origin or carrying this response's nonce (Next puts
 * it on its own inline scripts when it finds the policy on the request). Styles may be inline
 * because Radix and sonner set style attributes, which a nonce cannot cover; scripts may not.
 * The development server needs eval for its fast refresh.
 */
export function pageCsp(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sets the policy and the static headers on a response. */
export function applySecurityHeaders(headers: Headers, csp: string): void {
  headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
}
