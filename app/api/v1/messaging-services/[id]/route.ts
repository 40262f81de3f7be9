// One messaging service: read with its ETag, readiness and credentials (secrets only as set / not set);
// replace it (secrets kept or replaced as the form does) or delete it with If-Match naming the version read.
import { recordRoutes } from "@/lib/http/record-routes";
import { serviceDetailView } from "@/lib/messaging/api-views";
import { ZUpdateMessagingServiceRequest } from "@/lib/messaging/schemas";
import {
  deleteMessagingService,
  getMessagingService,
  messagingServiceDetail,
  updateMessagingService,
} from "@/lib/messaging/service";

const routes = recordRoutes({
  read: getMessagingService,
  readReply: (service) => ({ body: serviceDetailView(service), version: service.version }),
  updateSchema: ZUpdateMessagingServiceRequest,
  // Answered like a read: credentials (secrets as set / not set) and readiness included.
  update: async (actor, input) => messagingServiceDetail(actor, (await updateMessagingService(actor, input)).id),
  updateReply: (service) => ({ body: serviceDetailView(service), version: service.version }),
  remove: deleteMessagingService,
});

export const GET = routes.GET;
export const PUT = routes.PUT;
export const DELETE = routes.DELETE;
