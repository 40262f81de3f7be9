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
import { smsChannelCapabilities } from "@/lib/sms/permissions";
import { listSmsChannels, ZSmsChannelListFilter } from "@/lib/sms/service";
import { ExportButtons } from "./_components/export-buttons";

export const metadata: Metadata = { title: "SMS channels" };

export default guardedPage(async function SmsChannelsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await pageActor();
  const params = ZSmsChannelListFilter.parse(await searchParams);
  const page = await listSmsChannels(actor, params);
  const query = { q: params.q, sort: params.sort, dir: params.dir, restart: params.restart };
  const may = smsChannelCapabilities(actor);
  const canAdd = may.create;
  return (
    <>
      <PageHeader
        title="SMS channels"
        description="The SMS (SMPP) driver's channels: each is read from the section channel-<name>, and the driver takes most options only after a restart."
        actions={
          <>
            {canAdd ? (
              <Link
                href="/import-export#driver-import"
                className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
              >
                Import driver configuration
              </Link>
            ) : null}
            {page.total > 0 && may.export ? <ExportButtons maySecrets={may.exportSecrets} /> : null}
            <AddNewLink href="/sms-channels/new" allowed={canAdd} />
          </>
        }
      />
      <SearchForm q={params.q} label="Search channels by name">
        <div>
          <label htmlFor="restart" className="sr-only">
            Restart
          </label>
          <select id="restart" name="restart" defaultValue={params.restart ?? ""} className={inputClass}>
            <option value="">All channels</option>
            <option value="pending">Restart pending</option>
          </select>
        </div>
      </SearchForm>
      <Table
        caption="SMS channels"
        empty={
          page.rows.length === 0 ? (
            <EmptyList
              filtered={!!(params.q || params.restart)}
              noun="SMS channels"
              addHref="/sms-channels/new"
              canAdd={canAdd}
            />
          ) : undefined
        }
        head={
          <>
            <SortHeader path="/sms-channels" query={query} column="name" label="Name" />
            <Th>Section</Th>
            <Th>TLS mode</Th>
            <Th>Driver</Th>
          </>
        }
      >
        {page.rows.map((channel) => (
          <tr key={channel.id} className="hover:bg-slate-50">
            <Td>
              <Link href={`/sms-channels/${channel.id}`} className="font-medium text-brand-700 hover:underline">
                {channel.name}
              </Link>
            </Td>
            <Td className="font-mono text-xs text-slate-600">{channel.section}</Td>
            <Td>{channel.tlsMode}</Td>
            <Td>
              {channel.restartPending ? (
                <Badge tone="warn">Restart pending</Badge>
              ) : (
                <Badge tone="good">Up to date</Badge>
              )}
            </Td>
          </tr>
        ))}
      </Table>
      <Pagination
        path="/sms-channels"
        query={query}
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        noun="channel"
      />
    </>
  );
});
