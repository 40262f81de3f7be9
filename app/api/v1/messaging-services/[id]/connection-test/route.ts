// "Test connection": probes the service's saved URL (never with a credential, only to allowed hosts) and
// answers the report the console shows. It changes no record, so it names no version; it is audited.
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { connectionReportView } from "@/lib/messaging/connection-test-api-views";
import { testServiceConnection, ZTestConnectionRequest } from "@/lib/messaging/test-connection";

export const POST = defineApiRoute({
  schema: ZTestConnectionRequest,
  input: ({ params }: RouteInput<{ id: string }>) => ({ id: params.id }),
  run: testServiceConnection,
  reply: (report) => ({ body: connectionReportView(report) }),
});
