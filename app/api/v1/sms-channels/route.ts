// SMS channels: the list paged, searched and filtered by "restart pending" like the console's, and
// creating a channel (secret options sealed by the service, never echoed).
import { defineApiRoute } from "@/lib/http/define-api-route";
import { channelListView, channelView } from "@/lib/sms/api-views";
import { ZCreateSmsChannelRequest } from "@/lib/sms/schemas";
import { createSmsChannel, listSmsChannels, ZSmsChannelListFilter } from "@/lib/sms/service";

export const GET = defineApiRoute({
  schema: ZSmsChannelListFilter,
  input: ({ url }) => Object.fromEntries(url.searchParams),
  run: (actor, params) => listSmsChannels(actor, params),
  reply: (page) => ({ body: { ...page, rows: page.rows.map(channelListView) } }),
});

export const POST = defineApiRoute({
  schema: ZCreateSmsChannelRequest,
  body: true,
  status: 201,
  input: ({ body }) => body,
  run: (actor, input) => createSmsChannel(actor, input),
  reply: (channel) => ({
    body: channelView(channel),
    version: channel.version,
    location: `/api/v1/sms-channels/${channel.id}`,
  }),
});
