// A request's text body (a driver's configuration file), read safely: only declared text, never more
// than the cap, UTF-8 checked.
import { readBodyCapped } from "../request/read-body";

export type TextBody =
  | { ok: true; value: string }
  | { ok: false; code: "bad_request" | "too_large" | "unsupported_media_type"; detail: string };

export async function readTextBody(request: Request, maxBytes: number): Promise<TextBody> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (!type?.startsWith("text/")) {
    return { ok: false, code: "unsupported_media_type", detail: "Send the body as text/plain or text/csv." };
  }
  const bytes = await readBodyCapped(request, maxBytes);
  if (bytes.length > maxBytes) {
    return { ok: false, code: "too_large", detail: `The body may be at most ${maxBytes} bytes.` };
  }
  try {
    return { ok: true, value: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, code: "bad_request", detail: "The body is not valid UTF-8 text." };
  }
}
