import type { Metadata } from "next";
import { RoleForm } from "@/components/forms/role-form";
import { guardedPage } from "@/components/shell/guarded-page";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { canAll } from "@/lib/rights/can";
import { objectChoices } from "@/lib/rights/objects";
import { requireRight } from "@/lib/rights/require";

export const metadata: Metadata = { title: "Add role" };

export default guardedPage(async function NewRolePage() {
  const actor = await pageActor();
  await requireRight(actor, "role", "create");
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
});
