import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncomingUserForm } from "@/components/forms/incoming-user-form";
import { guardedPage } from "@/components/shell/guarded-page";
import { Refused } from "@/components/shell/refused";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { messagingServiceCapabilities, requireMessagingServiceCapability } from "@/lib/messaging/permissions";
import { getMessagingService } from "@/lib/messaging/service";
import { ZId } from "@/lib/schemas";

export const metadata: Metadata = { title: "External user for incoming authentication" };

export default guardedPage(async function IncomingUserPage({
  searchParams,
}: {
  searchParams: Promise<{ service?: string }>;
}) {
  const actor = await pageActor();
  const parsed = ZId.safeParse((await searchParams).service);
  const serviceId = parsed.success ? parsed.data : null;
  // The same requirements the service checks, refused (and audited) the same way.
  await requireMessagingServiceCapability(actor, "createIncomingUser", serviceId ? { id: serviceId } : undefined);
  // The flow belongs to one service: without one there is nothing to grant.
  if (!serviceId) notFound();
  const service = await getMessagingService(actor, serviceId);
  if (!messagingServiceCapabilities(actor, service).createIncomingUser) {
    return <Refused message={`${service.name} does not authenticate its callers as external users.`} />;
  }
  return (
    <>
      <PageHeader
        title="Create external user for incoming authentication"
        description={`External systems present this user's logon name and password when they deliver messages to ${service.name}. The user gets the Use right on this service only (wider grants are made in the rights editor) and can never sign in to the console.`}
      />
      <Card>
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Create a new user for this purpose: do not reuse an existing one, so that its password can be given to the
          external system and changed without affecting anybody else.
        </p>
        <IncomingUserForm service={{ id: service.id, name: service.name }} />
      </Card>
    </>
  );
});
