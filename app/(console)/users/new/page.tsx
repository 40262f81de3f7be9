import type { Metadata } from "next";
import { CreateUserForm } from "@/components/forms/user-form";
import { guardedPage } from "@/components/shell/guarded-page";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { canAll } from "@/lib/rights/can";
import { requireRight } from "@/lib/rights/require";
import { roleChoices } from "@/lib/roles/service";

export const metadata: Metadata = { title: "Add user" };

export default guardedPage(async function NewUserPage() {
  const actor = await pageActor();
  await requireRight(actor, "user", "create");
  const canAssignRoles = canAll(actor.rights, "user", "manage_rights");
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
