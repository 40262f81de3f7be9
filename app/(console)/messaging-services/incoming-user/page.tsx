import type { Metadata } from "next";
import { IncomingUserForm } from "@/components/forms/incoming-user-form";
import { guardedPage } from "@/components/shell/guarded-page";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { requireRight } from "@/lib/rights/require";

export const metadata: Metadata = { title: "External user for incoming authentication" };

export default guardedPage(async function IncomingUserPage({
  searchParams,
}: {
  searchParams: Promise<{ service?: string }>;
}) {
  const actor = await pageActor();
  await requireRight(actor, "user", "create");
  await requireRight(actor, "user", "manage_rights");
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
});
