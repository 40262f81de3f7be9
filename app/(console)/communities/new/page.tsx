import type { Metadata } from "next";
import { guardedPage } from "@/components/shell/guarded-page";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { requireCommunityCapability } from "@/lib/communities/permissions";
import { CommunityForm } from "../_components/community-form";

export const metadata: Metadata = { title: "Add community" };

export default guardedPage(async function NewCommunityPage() {
  const actor = await pageActor();
  await requireCommunityCapability(actor, "create");
  return (
    <>
      <PageHeader
        title="Add community"
        description="A community needs nothing but a name: every other setting has its default, and JWT keys are added once it exists."
      />
      <Card>
        <CommunityForm canSave />
      </Card>
    </>
  );
});
