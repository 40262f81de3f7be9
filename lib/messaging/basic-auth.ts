// Reads the credentials of an HTTP Basic Authorization header (RFC 7617) as external systems send them
// to the inbound endpoint. Anything unusual yields null: the caller answers 401 without saying why.

export interface BasicCredentials {
  logonName: string;
  password: string;
}

/** Far above any real logon name and password, low enough that nobody makes us decode megabytes. */
const MAX_HEADER_LENGTH = 4096;

const SCHEME = /^basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i;
// RFC 7617: neither the user-id nor the password may contain control characters.
const CONTROL = /\p{Cc}/u;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function parseBasicAuth(header: string | null | undefined): BasicCredentials | null {
  if (!header || header.length > MAX_HEADER_LENGTH) return null;
  const token = SCHEME.exec(header.trim())?.[1];
  if (!token || !isCanonicalBase64(token)) return null;

  let decoded: string;
  try {
    // UTF-8, as RFC 7617's charset="UTF-8" asks; bytes that are not UTF-8 are refused, not guessed.
    decoded = utf8.decode(Buffer.from(token, "base64"));
  } catch {
    return null;
  }

  // The user-id cannot contain a colon; the password can, so split at the first one.
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  const logonName = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (CONTROL.test(logonName) || CONTROL.test(password)) return null;
  return { logonName, password };
}

/** Builds the header value: for tests and for clients written against the inbound endpoint. */
export function formatBasicAuth({ logonName, password }: BasicCredentials): string {
  return `Basic ${Buffer.from(`${logonName}:${password}`, "utf8").toString("base64")}`;
}

function isCanonicalBase64(token: string): boolean {
  // Buffer.from() silently skips bad characters and ignores stray bits; accept only what re-encodes the same,
  // with or without padding.
  const unpadded = token.replace(/=+$/, "");
  if (token.length !== unpadded.length && token.length % 4 !== 0) return false;
  return Buffer.from(unpadded, "base64").toString("base64").replace(/=+$/, "") === unpadded;
}
