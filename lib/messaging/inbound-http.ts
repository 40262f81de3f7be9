// The inbound endpoint as HTTP: a web Request in, a Response with no body out (the status is all a caller learns).
import { clientAddressFrom } from "../request/client-address";
import { readBodyCapped } from "../request/read-body";
import { type InboundReceiver, MAX_INBOUND_BODY_BYTES, receiveInbound } from "./inbound";

export async function inboundResponse(
  request: Request,
  serviceKey: string,
  receive: InboundReceiver = receiveInbound,
): Promise<Response> {
  // Bytes, not text: Sinch signs the raw bytes, and decoding could change them.
  const rawBody = await readBodyCapped(request, MAX_INBOUND_BODY_BYTES);
  const clientAddress = clientAddressFrom(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip"));
  const { status, headers } = await receive({ serviceKey, headers: request.headers, rawBody, clientAddress });
  return new Response(null, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
