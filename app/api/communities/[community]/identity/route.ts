// Where the chat front end passes a visitor's identity to a community, plain or as a signed JWT. Public:
// the community's Signed identities mode and JWT keys decide; see lib/communities/identity.ts.
import { MAX_IDENTITY_BODY_BYTES, receiveIdentity } from "@/lib/communities/identity";
import { clientAddressFrom } from "@/lib/request/client-address";
import { readBodyCapped } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ community: string }> }) {
  const { community } = await params;
  const bytes = await readBodyCapped(request, MAX_IDENTITY_BODY_BYTES);
  const { status, body, headers } = await receiveIdentity({
    communityKey: decodeURIComponent(community),
    contentType: request.headers.get("content-type"),
    body: bytes.toString("utf8"),
    clientAddress: clientAddressFrom(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip")),
  });
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
