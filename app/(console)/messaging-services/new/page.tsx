import type { Metadata } from "next";
import { MessagingServiceForm } from "@/components/forms/messaging-service-form";
import { guardedPage } from "@/components/shell/guarded-page";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { requireMessagingServiceCapability } from "@/lib/messaging/permissions";
import {
  isMessagingServiceType,
  MESSAGING_SERVICE_TYPE_DEFINITIONS,
  MESSAGING_SERVICE_TYPES,
} from "@/lib/messaging/service-types";

export const metadata: Metadata = { title: "Add messaging service" };

export default guardedPage(async function NewMessagingServicePage({
  searchParams,
}: {
  searchParams: Promise<{ type?: string }>;
}) {
  const actor = await pageActor();
  await requireMessagingServiceCapability(actor, "create");
  const { type } = await searchParams;

  if (!isMessagingServiceType(type)) {
    return (
      <>
        <PageHeader
          title="Add messaging service"
          description="Choose the messaging service type and click OK. The type cannot change later."
        />
        <Card>
          <form method="get" className="space-y-4">
            <fieldset>
              <legend className="sr-only">Messaging service type</legend>
              <div className="grid gap-3 sm:grid-cols-2">
                {MESSAGING_SERVICE_TYPES.map((t, index) => (
                  <label
                    key={t}
                    className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                  >
                    <input type="radio" name="type" value={t} defaultChecked={index === 0} className="mt-1" />
                    <span>
                      <span className="block text-sm font-medium">
                        {t}{" "}
                        <span className="font-normal text-slate-600">
                          — {MESSAGING_SERVICE_TYPE_DEFINITIONS[t].label}
                        </span>
                      </span>
                      <span className="block text-xs text-slate-600">
                        {MESSAGING_SERVICE_TYPE_DEFINITIONS[t].description}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex justify-end">
              <Button type="submit">OK</Button>
            </div>
          </form>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={`Add ${MESSAGING_SERVICE_TYPE_DEFINITIONS[type].label} service`}
        description={MESSAGING_SERVICE_TYPE_DEFINITIONS[type].description}
      />
      <Card>
        <MessagingServiceForm type={type} canSave />
      </Card>
    </>
  );
});
