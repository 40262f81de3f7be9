import type { Metadata } from "next";
import { CreateUserForm } from "@/components/forms/user-form";
import { Refused } from "@/components/shell/refused";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { canAll } from "@/lib/rights/can";
import { roleChoices } from "@/lib/roles/service";

export const metadata: Metadata = { title: "Add user" };

export default async function NewUserPage() {
  const actor = await pageActor();
  if (!canAll(actor.rights, "user", "create")) return <Refused message="You do not have the right to create users." />;
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
}
