import type { Metadata } from "next";
import { AddNewLink } from "@/components/lists/add-new-link";
import { EmptyList } from "@/components/lists/empty-list";
import { Pagination } from "@/components/lists/pagination";
import { SearchForm } from "@/components/lists/search-form";
import { SortHeader } from "@/components/lists/sort-header";
import { Table, Td, Th } from "@/components/lists/table";
import { guardedPage } from "@/components/shell/guarded-page";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { userCapabilities } from "@/lib/users/permissions";
import { ZUserListFilter } from "@/lib/users/schemas";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Users" };

type Search = Record<string, string | string[] | undefined>;

export default guardedPage(async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await pageActor();
  const params = ZUserListFilter.parse(await searchParams);
  const { kind } = params;
  const { rows, total, page, pageCount, totalExact } = await listUsers(actor, params, "window");
  const query = { q: params.q, sort: params.sort, dir: params.dir, kind };

  return (
    <>
      <PageHeader
        title="Users"
        description="Console users sign in here; external users exist only for incoming authentication and can never sign in."
        actions={<AddNewLink href="/users/new" allowed={userCapabilities(actor).create} />}
      />
      <SearchForm q={params.q} label="Search users by name, logon name or e-mail">
        <div>
          <label htmlFor="kind" className="sr-only">
            Kind
          </label>
          <select id="kind" name="kind" defaultValue={kind ?? ""} className={inputClass}>
            <option value="">All kinds</option>
            <option value="console">Console users</option>
            <option value="external">External users</option>
          </select>
        </div>
      </SearchForm>
      <Table
        caption="Users"
        empty={
          rows.length === 0 ? (
            <EmptyList
              filtered={!!(params.q || kind)}
              noun="users"
              addHref="/users/new"
              canAdd={userCapabilities(actor).create}
            />
          ) : undefined
        }
        head={
          <>
            <SortHeader path="/users" query={query} column="logonName" label="Logon name" />
            <SortHeader path="/users" query={query} column="lastName" label="Name" />
            <SortHeader path="/users" query={query} column="kind" label="Kind" />
            <Th>Roles</Th>
            <SortHeader path="/users" query={query} column="enabled" label="Status" />
          </>
        }
      >
        {rows.map((user) => (
          <tr key={user.id} className="hover:bg-slate-50">
            <Td>
              <Link href={`/users/${user.id}`} className="font-medium text-brand-700 hover:underline">
                {user.logonName}
              </Link>
            </Td>
            <Td>
              {user.firstName} {user.lastName}
            </Td>
            <Td>{user.kind === "external" ? <Badge tone="info">External</Badge> : "Console"}</Td>
            <Td>{user.roles.map((r) => r.role.name).join(", ") || <span className="text-slate-500">None</span>}</Td>
            <Td>{user.enabled ? <Badge tone="good">Enabled</Badge> : <Badge tone="bad">Disabled</Badge>}</Td>
          </tr>
        ))}
      </Table>
      <Pagination
        path="/users"
        query={query}
        page={page}
        pageCount={pageCount}
        total={total}
        totalExact={totalExact}
        noun="user"
      />
    </>
  );
});
