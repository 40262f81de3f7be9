// Channels in the driver's formats: ?format=cfg (sections with option = value lines) or csv (as Genesys
// Administrator exports options), ?id=… (repeatable) to choose channels. Secret options are left out
// unless ?secrets=true (needs export_secrets; audited).
import { defineApiRoute } from "@/lib/http/define-api-route";
import { exportSmsChannels, ZExportSmsChannelsRequest } from "@/lib/sms/export";

/** true or false as the words; anything else goes through as it is, for the schema to refuse (400). */
const booleanParam = (value: string | null) =>
  value === null ? undefined : value === "true" ? true : value === "false" ? false : value;

export const GET = defineApiRoute({
  schema: ZExportSmsChannelsRequest,
  input: ({ url }) => ({
    format: url.searchParams.get("format") ?? undefined,
    ids: url.searchParams.getAll("id").length ? url.searchParams.getAll("id") : undefined,
    withSecrets: booleanParam(url.searchParams.get("secrets")),
  }),
  run: exportSmsChannels,
  reply: (file) => ({ body: file }),
});
