// The OpenAPI 3.1 document of /api/v1. Readable without a token: it describes the API and reveals no
// data, and a scripter fetches it before having one. It changes only with a deployment, so it may be
// cached for a while and revalidated with its ETag.
import { createHash } from "node:crypto";
import { openApiDocument } from "@/lib/http/openapi/document";

let cached: { text: string; etag: string } | undefined;

function documentText() {
  if (!cached) {
    const text = JSON.stringify(openApiDocument());
    cached = { text, etag: `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"` };
  }
  return cached;
}

export async function GET(request: Request): Promise<Response> {
  const { text, etag } = documentText();
  const headers = { ETag: etag, "Cache-Control": "public, max-age=300, must-revalidate" };
  if (
    request.headers
      .get("if-none-match")
      ?.split(/\s*,\s*/)
      .includes(etag)
  ) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}
