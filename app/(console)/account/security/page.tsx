import type { Metadata } from "next";
import { SecondFactorSection } from "@/components/second-factor/second-factor-section";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const actor = await pageActor();
  return (
    <>
      <PageHeader title="Security" description={`How ${actor.logonName} signs in to the console.`} />
      <Card title="Second factor">
        <SecondFactorSection actor={actor} />
      </Card>
    </>
  );
}
