// One SMS channel: read with its ETag, options, secrets only as set / not set and its restart state;
// replace it (secrets kept, replaced or cleared as the form does) or delete it with If-Match.
import { recordRoutes } from "@/lib/http/record-routes";
import { channelDetailView, channelView } from "@/lib/sms/api-views";
import { ZUpdateSmsChannelRequest } from "@/lib/sms/schemas";
import { deleteSmsChannel, getSmsChannel, updateSmsChannel } from "@/lib/sms/service";

const routes = recordRoutes({
  read: getSmsChannel,
  readReply: (channel) => ({ body: channelDetailView(channel), version: channel.version }),
  updateSchema: ZUpdateSmsChannelRequest,
  update: updateSmsChannel,
  updateReply: (channel) => ({ body: channelView(channel), version: channel.version }),
  remove: deleteSmsChannel,
});

export const GET = routes.GET;
export const PUT = routes.PUT;
export const DELETE = routes.DELETE;
