// A request's JSON body, read safely: only declared JSON, never more than the cap, parse errors answered.
import { readBodyCapped } from "../request/read-body";

export const MAX_JSON_BODY_BYTES = 256 * 1024;

export type JsonBody =
  | { ok: true; value: unknown }
  | { ok: false; code: "bad_request" | "too_large" | "unsupported_media_type"; detail: string };

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<JsonBody> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json" && !type?.endsWith("+json")) {
    return { ok: false, code: "unsupported_media_type", detail: "Send the body as application/json." };
  }
  const bytes = await readBodyCapped(request, maxBytes);
  if (bytes.length > maxBytes) {
    return { ok: false, code: "too_large", detail: `The body may be at most ${maxBytes} bytes.` };
  }
  try {
    return { ok: true, value: JSON.parse(bytes.toString("utf8")) };
  } catch {
    return { ok: false, code: "bad_request", detail: "The body is not valid JSON." };
  }
}
