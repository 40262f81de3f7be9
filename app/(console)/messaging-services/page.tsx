import type { Metadata } from "next";
import { AddNewLink } from "@/components/lists/add-new-link";
import { EmptyList } from "@/components/lists/empty-list";
import { Pagination } from "@/components/lists/pagination";
import { SearchForm } from "@/components/lists/search-form";
import { SortHeader } from "@/components/lists/sort-header";
import { Table, Td, Th } from "@/components/lists/table";
import { ReadinessBadge } from "@/components/messaging/readiness-badge";
import { guardedPage } from "@/components/shell/guarded-page";
import { inputClass } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { messagingServiceCapabilities } from "@/lib/messaging/permissions";
import { READINESS_FILTERS, READINESS_LABELS } from "@/lib/messaging/readiness";
import { listMessagingServices, ZServiceListFilter } from "@/lib/messaging/service";
import { MESSAGING_SERVICE_TYPE_DEFINITIONS, MESSAGING_SERVICE_TYPES } from "@/lib/messaging/service-types";

export const metadata: Metadata = { title: "Messaging services" };

export default guardedPage(async function MessagingServicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await pageActor();
  const params = ZServiceListFilter.parse(await searchParams);
  const { type, readiness } = params;
  const page = await listMessagingServices(actor, params, "window");
  const query = { q: params.q, sort: params.sort, dir: params.dir, type, readiness };
  return (
    <>
      <PageHeader
        title="Messaging services"
        description="The services through which the contact center reaches Facebook, SAP 365, Twilio, Social 365, C4S e-mail, Sinch and Wavy: their outgoing connection and credentials, and incoming authentication."
        actions={<AddNewLink href="/messaging-services/new" allowed={messagingServiceCapabilities(actor).create} />}
      />
      <SearchForm q={params.q} label="Search services by name">
        <div>
          <label htmlFor="type" className="sr-only">
            Type
          </label>
          <select id="type" name="type" defaultValue={type ?? ""} className={inputClass}>
            <option value="">All types</option>
            {MESSAGING_SERVICE_TYPES.map((t) => (
              <option key={t} value={t}>
                {MESSAGING_SERVICE_TYPE_DEFINITIONS[t].label}
              </option>
            ))}
          </select>
        </div>
        {page.incomingAuthentication ? (
          <div>
            <label htmlFor="readiness" className="sr-only">
              Incoming authentication
            </label>
            <select id="readiness" name="readiness" defaultValue={readiness ?? ""} className={inputClass}>
              <option value="">Any incoming authentication</option>
              {READINESS_FILTERS.map((r) => (
                <option key={r} value={r}>
                  Incoming authentication: {READINESS_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </SearchForm>
      {!page.incomingAuthentication ? (
        <p className="mb-4 rounded-md border border-slate-200 bg-white px-4 py-2 text-sm text-slate-600">
          Use Local Http Authentication is off (Settings): external systems deliver without authenticating.
        </p>
      ) : null}
      <Table
        caption="Messaging services"
        empty={
          page.rows.length === 0 ? (
            <EmptyList
              filtered={!!(params.q || type || readiness)}
              noun="messaging services"
              addHref="/messaging-services/new"
              canAdd={messagingServiceCapabilities(actor).create}
            />
          ) : undefined
        }
        head={
          <>
            <SortHeader path="/messaging-services" query={query} column="name" label="Name" />
            <SortHeader path="/messaging-services" query={query} column="type" label="Type" />
            <Th>Service Connection</Th>
            <Th end>Authentications</Th>
            <Th>Incoming authentication</Th>
          </>
        }
      >
        {page.rows.map((service) => (
          <tr key={service.id} className="hover:bg-slate-50">
            <Td>
              <Link href={`/messaging-services/${service.id}`} className="font-medium text-brand-700 hover:underline">
                {service.name}
              </Link>
            </Td>
            <Td>{service.type}</Td>
            <Td className="max-w-xs truncate text-slate-600">{service.serviceConnection}</Td>
            <Td className="text-right tabular-nums">{service._count.credentials}</Td>
            <Td>
              <ReadinessBadge readiness={service.readiness} />
            </Td>
          </tr>
        ))}
      </Table>
      <Pagination
        path="/messaging-services"
        query={query}
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        totalExact={page.totalExact}
        noun="service"
      />
    </>
  );
});
