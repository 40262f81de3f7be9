import type { Metadata } from "next";
import { AddNewLink } from "@/components/lists/add-new-link";
import { EmptyList } from "@/components/lists/empty-list";
import { Pagination } from "@/components/lists/pagination";
import { SearchForm } from "@/components/lists/search-form";
import { SortHeader } from "@/components/lists/sort-header";
import { Table, Td, Th } from "@/components/lists/table";
import { guardedPage } from "@/components/shell/guarded-page";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { ZListParams } from "@/lib/list/params";
import { roleCapabilities } from "@/lib/roles/permissions";
import { listRoles } from "@/lib/roles/service";

export const metadata: Metadata = { title: "Roles" };

export default guardedPage(async function RolesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await pageActor();
  const params = ZListParams.parse(await searchParams);
  const { rows, total, page, pageCount } = await listRoles(actor, params);
  const query = { q: params.q, sort: params.sort, dir: params.dir };
  return (
    <>
      <PageHeader
        title="Roles"
        description="A role is a set of rights per object type. A user's rights add up over all their roles."
        actions={<AddNewLink href="/roles/new" allowed={roleCapabilities(actor).create} />}
      />
      <SearchForm q={params.q} label="Search roles by name or description" />
      <Table
        caption="Roles"
        empty={
          rows.length === 0 ? (
            <EmptyList
              filtered={!!params.q}
              noun="roles"
              addHref="/roles/new"
              canAdd={roleCapabilities(actor).create}
            />
          ) : undefined
        }
        head={
          <>
            <SortHeader path="/roles" query={query} column="name" label="Name" />
            <Th>Description</Th>
            <Th end>Rights</Th>
            <Th end>Users</Th>
          </>
        }
      >
        {rows.map((role) => (
          <tr key={role.id} className="hover:bg-slate-50">
            <Td>
              <Link href={`/roles/${role.id}`} className="font-medium text-brand-700 hover:underline">
                {role.name}
              </Link>{" "}
              {role.builtIn ? <Badge>Built-in</Badge> : null}
              {role.requiresSecondFactor ? <Badge tone="info">Second factor required</Badge> : null}
            </Td>
            <Td className="text-slate-600">{role.description}</Td>
            <Td className="text-right tabular-nums">{role._count.rights}</Td>
            <Td className="text-right tabular-nums">{role._count.users}</Td>
          </tr>
        ))}
      </Table>
      <Pagination path="/roles" query={query} page={page} pageCount={pageCount} total={total} noun="role" />
    </>
  );
});
