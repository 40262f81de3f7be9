import type { Metadata } from "next";
import { HistoryLink } from "@/app/(console)/history/_components/history-link";
import { deleteMessagingServiceAction } from "@/app/(console)/messaging-services/actions";
import { DeleteButton } from "@/components/forms/delete-button";
import { MessagingServiceForm } from "@/components/forms/messaging-service-form";
import { ConnectionTest } from "@/components/messaging/connection-test";
import { ReadinessBadge } from "@/components/messaging/readiness-badge";
import { guardedPage } from "@/components/shell/guarded-page";
import { Refused } from "@/components/shell/refused";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { messagingServiceCapabilities } from "@/lib/messaging/permissions";
import { signingEntryId } from "@/lib/messaging/readiness";
import { getMessagingService } from "@/lib/messaging/service";
import { isMessagingServiceType, serviceTypeDefinition } from "@/lib/messaging/service-types";

export const metadata: Metadata = { title: "Messaging service" };

export default guardedPage(async function MessagingServicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor();
  const { id } = await params;
  const service = await getMessagingService(actor, id);
  if (!isMessagingServiceType(service.type))
    return <Refused message={`This service has a type Switchboard does not know (${service.type}).`} />;
  const definition = serviceTypeDefinition(service.type);
  const may = messagingServiceCapabilities(actor, service);
  const canModify = may.modify;
  const canDelete = may.delete;
  const signing = signingEntryId(service.type);
  const offerIncomingUser = may.createIncomingUser;

  return (
    <>
      <PageHeader
        title={service.name}
        description={`${service.type} — ${definition.label}`}
        badges={<Badge>{service.type}</Badge>}
        actions={
          <>
            <HistoryLink objectType="messaging_service" objectId={service.id} />
            {canDelete ? (
              <DeleteButton
                label="Delete service"
                what={`Messaging service ${service.name}`}
                input={{ id: service.id, version: service.version }}
                action={deleteMessagingServiceAction}
                redirectTo="/messaging-services"
              />
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        <Card
          title="Outgoing authentication"
          description={canModify ? undefined : "You may view this service but not change it."}
        >
          <MessagingServiceForm
            key={service.version}
            type={service.type}
            canSave={canModify}
            service={{
              id: service.id,
              version: service.version,
              name: service.name,
              serviceConnection: service.serviceConnection,
              credentials: service.credentials,
            }}
          />
        </Card>
        <Card title="Incoming authentication" actions={<ReadinessBadge readiness={service.readiness} />}>
          {service.readiness === "off" ? (
            <p className="text-sm text-slate-600">
              Use Local Http Authentication is off in the SMS Server settings: external systems deliver without
              authenticating.
            </p>
          ) : service.readiness === "not_needed" ? (
            <p className="text-sm text-slate-600">{definition.label} does not use incoming authentication.</p>
          ) : signing ? (
            <p className="text-sm text-slate-600">
              {definition.label} signs its callbacks: incoming authentication is done with the{" "}
              <strong>{signing}</strong> entry in the Authentications block above.{" "}
              {service.readiness === "ready"
                ? "Its secret is set."
                : "Add that entry with the app's webhook secret token."}
            </p>
          ) : (
            <div className="space-y-3 text-sm">
              <p className="text-slate-600">
                External systems deliver to{" "}
                <code className="rounded bg-slate-100 px-1">POST /api/inbound/{service.id}</code> with the HTTP Basic
                credentials of an enabled external user who has the Use right on this service.
              </p>
              {service.incomingUsers === null ? (
                <p className="text-slate-600">
                  {service.readiness === "ready"
                    ? "An enabled external user has the Use right on this service."
                    : "No enabled external user has the Use right on this service yet."}{" "}
                  Who they are is shown to those who may view users.
                </p>
              ) : service.incomingUsers.length > 0 ? (
                <ul className="flex flex-wrap gap-2">
                  {service.incomingUsers.map((user) => (
                    <li key={user.id}>
                      <Link
                        href={`/users/${user.id}`}
                        className="rounded-md border border-slate-200 px-2.5 py-1 text-brand-700 hover:bg-slate-50"
                      >
                        {user.logonName}
                      </Link>{" "}
                      {user.enabled ? null : <Badge tone="bad">Disabled</Badge>}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-red-800">No external user has the Use right on this service yet.</p>
              )}
              {offerIncomingUser ? (
                <ButtonLink variant="secondary" href={`/messaging-services/incoming-user?service=${service.id}`}>
                  Create external user for incoming authentication
                </ButtonLink>
              ) : null}
            </div>
          )}
        </Card>
        {canModify ? (
          <Card
            title="Test connection"
            description="Resolves the host, opens TCP and TLS, and makes one request to the saved Service Connection, without sending any credential. Only public addresses are reached, unless an administrator allowed internal hosts in Settings."
          >
            <ConnectionTest serviceId={service.id} />
          </Card>
        ) : null}
      </div>
    </>
  );
});
