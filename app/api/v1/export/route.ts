// An export of the configuration as one JSON document (secrets left out), offered as a download.
// ?areas=roles,users chooses areas (default: every area the token's owner may view); ?roles=Support,
// repeated or comma-separated per area, chooses records by name.
import { defineApiRoute } from "@/lib/http/define-api-route";
import { TRANSFER_AREA_KEYS } from "@/lib/transfer/areas";
import { exportDocument, ZExportRequest } from "@/lib/transfer/export";
import { exportFileName } from "@/lib/transfer/files";

const list = (url: URL, name: string) => {
  const values = url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  return values.length > 0 ? values : undefined;
};

export const GET = defineApiRoute({
  schema: ZExportRequest,
  input: ({ url }) => ({
    areas: list(url, "areas"),
    keys: Object.fromEntries(
      TRANSFER_AREA_KEYS.flatMap((key) => {
        const keys = list(url, key);
        return keys ? [[key, keys]] : [];
      }),
    ),
  }),
  run: exportDocument,
  reply: (document) => ({
    body: document,
    headers: { "Content-Disposition": `attachment; filename="${exportFileName(document.exportedAt)}"` },
  }),
});
