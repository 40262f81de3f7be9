import type { Metadata } from "next";
import { RoleForm } from "@/components/forms/role-form";
import { Refused } from "@/components/shell/refused";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { canAll } from "@/lib/rights/can";
import { objectChoices } from "@/lib/rights/objects";

export const metadata: Metadata = { title: "Add role" };

export default async function NewRolePage() {
  const actor = await pageActor();
  if (!canAll(actor.rights, "role", "create")) return <Refused message="You do not have the right to create roles." />;
  return (
    <>
      <PageHeader
        title="Add role"
        description="Name the role and choose its rights. You can grant only rights you hold yourself."
      />
      <Card>
        <RoleForm
          canSave
          canGrant={canAll(actor.rights, "role", "manage_rights")}
          objects={await objectChoices(actor)}
        />
      </Card>
    </>
  );
}
