import type { Metadata } from "next";
import { AddNewLink } from "@/components/lists/add-new-link";
import { EmptyList } from "@/components/lists/empty-list";
import { Pagination } from "@/components/lists/pagination";
import { SearchForm } from "@/components/lists/search-form";
import { SortHeader } from "@/components/lists/sort-header";
import { Table, Td, Th } from "@/components/lists/table";
import { guardedPage } from "@/components/shell/guarded-page";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { communityCapabilities } from "@/lib/communities/permissions";
import { listCommunities } from "@/lib/communities/service";
import { ZListParams } from "@/lib/list/params";
import { SignedIdentitiesBadge } from "./_components/signed-identities-badge";

export const metadata: Metadata = { title: "Communities" };

export default guardedPage(async function CommunitiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await pageActor();
  const params = ZListParams.parse(await searchParams);
  const page = await listCommunities(actor, params);
  const query = { q: params.q, sort: params.sort, dir: params.dir };
  const canAdd = communityCapabilities(actor).create;
  return (
    <>
      <PageHeader
        title="Communities"
        description="Web-messaging communities: how each one trusts the identity a website passes to the chat, and its JWT keys."
        actions={<AddNewLink href="/communities/new" allowed={canAdd} />}
      />
      <SearchForm q={params.q} label="Search communities by name" />
      <Table
        caption="Communities"
        empty={
          page.rows.length === 0 ? (
            <EmptyList filtered={!!params.q} noun="communities" addHref="/communities/new" canAdd={canAdd} />
          ) : undefined
        }
        head={
          <>
            <SortHeader path="/communities" query={query} column="name" label="Name" />
            <SortHeader path="/communities" query={query} column="signedIdentities" label="Signed identities" />
            <Th end>JWT keys</Th>
            <SortHeader path="/communities" query={query} column="updatedAt" label="Last changed" />
          </>
        }
      >
        {page.rows.map((community) => (
          <tr key={community.id} className="hover:bg-slate-50">
            <Td>
              <Link href={`/communities/${community.id}`} className="font-medium text-brand-700 hover:underline">
                {community.name}
              </Link>
            </Td>
            <Td>
              <SignedIdentitiesBadge mode={community.signedIdentities} />
            </Td>
            <Td className="text-right tabular-nums">{community._count.jwtKeys}</Td>
            <Td className="text-slate-600">{community.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</Td>
          </tr>
        ))}
      </Table>
      <Pagination
        path="/communities"
        query={query}
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        noun="community"
        plural="communities"
      />
    </>
  );
});
