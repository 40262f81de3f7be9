// Channels in the driver's formats: ?format=cfg (sections with option = value lines) or csv (as Genesys
// Administrator exports options), ?id=… (repeatable) to choose channels. Secret options are left out.
import { defineApiRoute } from "@/lib/http/define-api-route";
import { exportSmsChannels, ZExportSmsChannelsRequest } from "@/lib/sms/export";

export const GET = defineApiRoute({
  schema: ZExportSmsChannelsRequest,
  input: ({ url }) => ({
    format: url.searchParams.get("format") ?? undefined,
    ids: url.searchParams.getAll("id").length ? url.searchParams.getAll("id") : undefined,
  }),
  run: exportSmsChannels,
  reply: (file) => ({ body: file }),
});
