import { AlertTriangle } from "lucide-react";
import type { Metadata } from "next";
import { HistoryLink } from "@/app/(console)/history/_components/history-link";
import { DeleteButton } from "@/components/forms/delete-button";
import { guardedPage } from "@/components/shell/guarded-page";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { communityCapabilities } from "@/lib/communities/permissions";
import { getCommunity } from "@/lib/communities/service";
import { CommunityForm } from "../_components/community-form";
import { ExtraValuesPreview } from "../_components/extra-values-preview";
import { ExtraValuesSection } from "../_components/extra-values-section";
import { JwtKeysSection } from "../_components/jwt-keys-section";
import { JwtTester } from "../_components/jwt-tester";
import { SignedIdentitiesBadge } from "../_components/signed-identities-badge";
import { DATA_FLOW_WARNING, EXP_RULE } from "../_components/signed-identities-text";
import { deleteCommunityAction } from "../actions";

export const metadata: Metadata = { title: "Community" };

export default guardedPage(async function CommunityPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor();
  const { id } = await params;
  const community = await getCommunity(actor, id);
  const may = communityCapabilities(actor, community);

  return (
    <>
      <PageHeader
        title={community.name}
        description="Web-messaging community"
        badges={<SignedIdentitiesBadge mode={community.signedIdentities} />}
        actions={
          <>
            <HistoryLink objectType="community" objectId={community.id} />
            {may.delete ? (
              <DeleteButton
                label="Delete community"
                what={`Community ${community.name}`}
                input={{ id: community.id, version: community.version }}
                action={deleteCommunityAction}
                redirectTo="/communities"
              />
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        <Card
          title="Signed identities"
          description={may.modify ? undefined : "You may view this community but not change it."}
        >
          <div className="mb-4 space-y-2 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="flex items-start gap-2 font-medium">
              <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" /> Website → visitor's browser → server
            </p>
            <p>{DATA_FLOW_WARNING}</p>
            <p>{EXP_RULE}</p>
          </div>
          <CommunityForm
            key={community.version}
            canSave={may.modify}
            community={{
              id: community.id,
              version: community.version,
              name: community.name,
              signedIdentities: community.signedIdentities,
              keyCount: community.jwtKeys.length,
            }}
          />
        </Card>
        <Card title="JWT keys" description="The keys that verify signed identities, chosen by the JWT header's kid.">
          {/* Not remounted when another section saves: a key being typed stays; the version prop moves on. */}
          <JwtKeysSection
            communityId={community.id}
            version={community.version}
            mode={community.signedIdentities}
            keys={community.jwtKeys}
            canModify={may.manageKeys}
          />
        </Card>
        <Card
          title="Extra value mappings"
          description="Custom fields of this community, and where the extra values a website registers on the identity land."
        >
          {/* Remounted only when what it edits was stored, so a save elsewhere on the page keeps its edits. */}
          <ExtraValuesSection
            key={JSON.stringify([community.customFields, community.extraValueMappings])}
            communityId={community.id}
            version={community.version}
            settings={{ customFields: community.customFields, mappings: community.extraValueMappings }}
            canModify={may.editExtraValues}
          />
        </Card>
        {may.previewMapping ? (
          <Card
            title="Mapping preview and regex tester"
            description="Try an identity against the saved mappings, or a custom regex against sample values. Nothing is stored or logged."
          >
            <ExtraValuesPreview communityId={community.id} />
          </Card>
        ) : null}
        {may.testJwt ? (
          <Card
            title="JWT tester"
            description="Paste a token to see its header and claims, which key verifies it or why none does, and what each mode would decide. Nothing pasted is stored or logged."
          >
            <JwtTester communityId={community.id} />
          </Card>
        ) : null}
      </div>
    </>
  );
});
