// Where external systems deliver to a messaging service. Only POST; Next answers other methods with 405.
import { inboundResponse } from "@/lib/messaging/inbound-http";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ service: string }> }) {
  const { service } = await params;
  return inboundResponse(request, service);
}
