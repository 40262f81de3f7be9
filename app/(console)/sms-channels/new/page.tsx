import type { Metadata } from "next";
import { guardedPage } from "@/components/shell/guarded-page";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { requireSmsChannelCapability } from "@/lib/sms/permissions";
import { SmsChannelForm } from "../_components/sms-channel-form";

export const metadata: Metadata = { title: "Add SMS channel" };

export default guardedPage(async function NewSmsChannelPage() {
  const actor = await pageActor();
  await requireSmsChannelCapability(actor, "create");
  return (
    <>
      <PageHeader
        title="Add SMS channel"
        description="Options left empty are not written: the driver uses its default. Every option takes effect after the driver restarts."
      />
      <Card>
        <SmsChannelForm canSave />
      </Card>
    </>
  );
});
