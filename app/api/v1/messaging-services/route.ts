// Messaging services: the list paged, searched, sorted and filtered by type and readiness like the
// console's, and creating a service (secrets sealed by the service, never echoed).
import { defineApiRoute } from "@/lib/http/define-api-route";
import { serviceDetailView, serviceListView } from "@/lib/messaging/api-views";
import { ZCreateMessagingServiceRequest } from "@/lib/messaging/schemas";
import {
  createMessagingService,
  listMessagingServices,
  messagingServiceDetail,
  ZServiceListFilter,
} from "@/lib/messaging/service";

export const GET = defineApiRoute({
  schema: ZServiceListFilter,
  input: ({ url }) => Object.fromEntries(url.searchParams),
  run: (actor, params) => listMessagingServices(actor, params),
  reply: (page) => ({ body: serviceListView(page) }),
});

export const POST = defineApiRoute({
  schema: ZCreateMessagingServiceRequest,
  body: true,
  status: 201,
  input: ({ body }) => body,
  // Answered like a read: credentials (secrets as set / not set) and readiness included.
  run: async (actor, input) => messagingServiceDetail(actor, (await createMessagingService(actor, input)).id),
  reply: (service) => ({
    body: serviceDetailView(service),
    version: service.version,
    location: `/api/v1/messaging-services/${service.id}`,
  }),
});
