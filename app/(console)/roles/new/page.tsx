import type { Metadata } from "next";
import { RoleForm } from "@/components/forms/role-form";
import { guardedPage } from "@/components/shell/guarded-page";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { objectChoices } from "@/lib/rights/objects";
import { requireRoleCapability, roleCapabilities } from "@/lib/roles/permissions";

export const metadata: Metadata = { title: "Add role" };

export default guardedPage(async function NewRolePage() {
  const actor = await pageActor();
  await requireRoleCapability(actor, "create");
  return (
    <>
      <PageHeader
        title="Add role"
        description="Name the role and choose its rights. You can grant only rights you hold yourself."
      />
      <Card>
        <RoleForm canSave canGrant={roleCapabilities(actor).manageRights} objects={await objectChoices(actor)} />
      </Card>
    </>
  );
});
