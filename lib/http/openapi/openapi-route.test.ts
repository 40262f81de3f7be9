// GET /api/v1/openapi.json: readable without a token, cacheable, revalidated with its ETag.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { buildOpenApiDocument } from "./document";

const URL = "http://switchboard.test/api/v1/openapi.json";

describe("GET /api/v1/openapi.json", () => {
  it("answers the document without a token, with caching headers, and 304 to its own ETag", async () => {
    const response = await GET(new Request(URL));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    const etag = response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{27}"$/);

    const again = await GET(new Request(URL, { headers: { "If-None-Match": `W/"other", ${etag}` } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await GET(new Request(URL, { headers: { "If-None-Match": '"other"' } }))).status).toBe(200);
  });
});
