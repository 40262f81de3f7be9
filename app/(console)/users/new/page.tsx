import type { Metadata } from "next";
import { CreateUserForm } from "@/components/forms/user-form";
import { guardedPage } from "@/components/shell/guarded-page";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { roleChoices } from "@/lib/roles/service";
import { requireUserCapability, userCapabilities } from "@/lib/users/permissions";

export const metadata: Metadata = { title: "Add user" };

export default guardedPage(async function NewUserPage() {
  const actor = await pageActor();
  await requireUserCapability(actor, "create");
  const canAssignRoles = userCapabilities(actor).manageRights;
  const roles = canAssignRoles ? await roleChoices(actor) : [];
  return (
    <>
      <PageHeader title="Add user" description="First name, last name, logon name and password are required." />
      <Card>
        <CreateUserForm roles={roles} canAssignRoles={canAssignRoles} />
      </Card>
    </>
  );
});
