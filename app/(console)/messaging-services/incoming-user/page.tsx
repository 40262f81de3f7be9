import type { Metadata } from "next";
import { IncomingUserForm } from "@/components/forms/incoming-user-form";
import { Refused } from "@/components/shell/refused";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { canAll } from "@/lib/rights/can";

export const metadata: Metadata = { title: "External user for incoming authentication" };

export default async function IncomingUserPage({ searchParams }: { searchParams: Promise<{ service?: string }> }) {
  const actor = await pageActor();
  if (!canAll(actor.rights, "user", "create") || !canAll(actor.rights, "user", "manage_rights")) {
    return <Refused message="You need the rights to create users and to manage their rights." />;
  }
  const { service } = await searchParams;
  const back =
    typeof service === "string" && /^[0-9a-f-]{36}$/.test(service)
      ? `/messaging-services/${service}`
      : "/messaging-services";
  return (
    <>
      <PageHeader
        title="Create external user for incoming authentication"
        description="External systems present this user's logon name and password when they deliver messages. The user gets the Use right on messaging services (built-in Integration role) and can never sign in to the console."
      />
      <Card>
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Create a new user for this purpose: do not reuse an existing one, so that its password can be given to the
          external system and changed without affecting anybody else.
        </p>
        <IncomingUserForm back={back} />
      </Card>
    </>
  );
}
