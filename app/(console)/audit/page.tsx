import type { Metadata } from "next";
import { ChangesList } from "@/components/lists/changes";
import { Pagination } from "@/components/lists/pagination";
import { Table, Td, Th } from "@/components/lists/table";
import { guardedPage } from "@/components/shell/guarded-page";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { actionLabel } from "@/lib/audit/labels";
import { auditActions, listAuditEvents, ZAuditFilter } from "@/lib/audit/query";
import { pageActor } from "@/lib/auth/page-actor";
import { historyCapabilities } from "@/lib/revisions/permissions";
import { OBJECT_TYPE_LABELS, OBJECT_TYPE_SINGULAR, OBJECT_TYPES } from "@/lib/rights/catalog";

export const metadata: Metadata = { title: "Audit" };

const objectTypeLabel = (type: string) =>
  type in OBJECT_TYPE_SINGULAR ? OBJECT_TYPE_SINGULAR[type as keyof typeof OBJECT_TYPE_SINGULAR] : type;

const outcomeTone = { success: "good", refused: "warn", failed: "bad" } as const;

/** datetime-local inputs have no zone; the page works in UTC throughout and says so. */
const asUtcInput = (date?: Date) => (date ? date.toISOString().slice(0, 16) : "");

export default guardedPage(async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await pageActor();
  const filter = ZAuditFilter.parse(await searchParams);
  const page = await listAuditEvents(actor, filter, "window");
  const actions = await auditActions(actor);
  const query = {
    actor: filter.actor,
    objectType: filter.objectType,
    action: filter.action,
    outcome: filter.outcome,
    from: asUtcInput(filter.from),
    to: asUtcInput(filter.to),
  };
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every change, sign-in and refused attempt: who, when (UTC), from where, what, and before and after. Secrets appear only as set, changed or cleared."
      />
      <form
        method="get"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
        aria-label="Filter the audit trail"
      >
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">Actor</span>
          <input name="actor" defaultValue={filter.actor} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">Object type</span>
          <select name="objectType" defaultValue={filter.objectType ?? ""} className={inputClass}>
            <option value="">Any</option>
            {OBJECT_TYPES.map((t) => (
              <option key={t} value={t}>
                {OBJECT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">Action</span>
          <select name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            <option value="">Any</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">Outcome</span>
          <select name="outcome" defaultValue={filter.outcome ?? ""} className={inputClass}>
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="refused">Refused</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">From (UTC)</span>
          <input type="datetime-local" name="from" defaultValue={query.from} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">To (UTC)</span>
          <input type="datetime-local" name="to" defaultValue={query.to} className={inputClass} />
        </label>
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Filter
          </button>
          <a href="/audit" className="rounded-md border border-slate-300 px-3.5 py-2 text-sm hover:bg-slate-50">
            Clear
          </a>
        </div>
      </form>
      <Table
        caption="Audit events"
        empty={page.rows.length === 0 ? "No events match." : undefined}
        head={["Time (UTC)", "Actor", "Action", "Changes"].map((h) => <Th key={h}>{h}</Th>)}
      >
        {page.rows.map((event) => (
          <tr key={event.id}>
            <Td className="tabular-nums">
              <span className="block whitespace-nowrap">{event.at.toISOString().slice(0, 10)}</span>{" "}
              <span className="block whitespace-nowrap text-slate-600">{event.at.toISOString().slice(11, 19)}</span>
            </Td>
            <Td className="min-w-24 break-words">
              <span className="block">{event.actorName}</span>{" "}
              {event.viaToken ? (
                <span className="block text-xs text-slate-600">with API token {event.viaToken}</span>
              ) : null}{" "}
              <span className="block text-xs text-slate-600">{event.clientAddress ?? "no address"}</span>
            </Td>
            {/* What happened, to what (by name, else its type), and how it ended. */}
            <Td className="min-w-36 break-words">
              <span className="block font-medium">{actionLabel(event.action)}</span>{" "}
              {event.objectType ? (
                <span className="block">
                  <span className="text-slate-600">{objectTypeLabel(event.objectType)}</span> {event.objectName ?? ""}
                </span>
              ) : null}{" "}
              {event.revision &&
              event.objectType &&
              event.objectId &&
              historyCapabilities(actor, { objectType: event.objectType, objectId: event.objectId }).view ? (
                <a
                  href={`/history/${event.objectType}/${encodeURIComponent(event.objectId)}`}
                  className="block text-xs text-brand-700 hover:underline"
                >
                  History
                  <span className="sr-only"> of {event.objectName ?? objectTypeLabel(event.objectType)}</span>
                </a>
              ) : null}{" "}
              <span className="mt-1 block">
                <Badge tone={outcomeTone[event.outcome]}>{event.outcome}</Badge>
              </span>
            </Td>
            <Td className="w-1/2 min-w-40">
              <ChangesList lines={event.changeLines} />
              {event.detail ? <p className="text-xs text-slate-600 [overflow-wrap:anywhere]">{event.detail}</p> : null}
            </Td>
          </tr>
        ))}
      </Table>
      <Pagination
        path="/audit"
        query={query}
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        totalExact={page.totalExact}
        noun="event"
      />
    </>
  );
});
