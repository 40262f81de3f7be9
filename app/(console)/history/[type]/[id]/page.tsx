import type { Metadata } from "next";
import { RestoreButton } from "@/app/(console)/history/_components/restore-button";
import { restoreRevisionAction } from "@/app/(console)/history/actions";
import { ChangesList } from "@/components/lists/changes";
import { Table, Td, Th } from "@/components/lists/table";
import { guardedPage } from "@/components/shell/guarded-page";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { actionLabel } from "@/lib/audit/labels";
import { pageActor } from "@/lib/auth/page-actor";
import { diffRevisions, recordHistory } from "@/lib/revisions/service";
import { OBJECT_TYPE_SINGULAR } from "@/lib/rights/catalog";

export const metadata: Metadata = { title: "History" };

/** Where each kind of record is edited, to go back to it. */
const RECORD_PAGES: Record<string, (id: string) => string> = {
  role: (id) => `/roles/${id}`,
  user: (id) => `/users/${id}`,
  messaging_service: (id) => `/messaging-services/${id}`,
  settings: () => "/settings",
  community: (id) => `/communities/${id}`,
  sms_channel: (id) => `/sms-channels/${id}`,
};

const actionTone = { create: "good", modify: "neutral", delete: "bad", restore: "info" } as const;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default guardedPage(async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ type: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await pageActor();
  const { type, id } = await params;
  const query = await searchParams;
  const { revisions, current, mayRestore } = await recordHistory(actor, type, id);
  const [newest, previous] = revisions;
  // By default the newest change: the version before it against the newest.
  const fromId = one(query.from) ?? previous?.id;
  const toId = one(query.to) ?? newest?.id;
  // Only this record's revisions: ids typed into the URL from another record answer not found.
  const difference =
    fromId && toId ? await diffRevisions(actor, fromId, toId, { objectType: type, objectId: id }) : null;
  const name = revisions[0]?.objectName ?? id;
  const kind = OBJECT_TYPE_SINGULAR[type as keyof typeof OBJECT_TYPE_SINGULAR] ?? type;
  const recordPage = current ? RECORD_PAGES[type]?.(id) : undefined;
  return (
    <>
      <PageHeader
        title={`History of ${name}`}
        description={`${kind}: every version saved, who saved it and when (UTC). Secrets show only as set or replaced.`}
        badges={current ? null : <Badge tone="bad">Deleted</Badge>}
        actions={
          recordPage ? (
            <ButtonLink href={recordPage} variant="secondary">
              Back to {kind.toLowerCase()}
            </ButtonLink>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card
          title="Compare versions"
          description="Pick two versions to see what changed between them, field by field."
        >
          {revisions.length < 2 ? (
            <p className="text-sm text-slate-500">There is only one version so far.</p>
          ) : (
            <form
              // After a restore the page refreshes with a new default pair: new selects show it.
              key={`${difference?.from.id}:${difference?.to.id}`}
              method="get"
              className="flex flex-wrap items-end gap-3"
              aria-label="Compare versions"
            >
              {(["from", "to"] as const).map((side) => (
                <label key={side} className="text-sm">
                  <span className="mb-1 block text-slate-700">{side === "from" ? "From version" : "To version"}</span>
                  <select
                    name={side}
                    defaultValue={side === "from" ? difference?.from.id : difference?.to.id}
                    className={inputClass}
                  >
                    {revisions.map((revision) => (
                      <option key={revision.id} value={revision.id}>
                        Version {revision.version} · {actionLabel(revision.action)} · {revision.actorName}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <button
                type="submit"
                className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
              >
                Compare
              </button>
            </form>
          )}
          {difference ? (
            <section className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-3" aria-label="Differences">
              <p className="mb-2 text-sm font-medium text-slate-800">
                Version {difference.from.version} ({actionLabel(difference.from.action).toLowerCase()}) → version{" "}
                {difference.to.version} ({actionLabel(difference.to.action).toLowerCase()})
              </p>
              {difference.lines.length ? (
                <ChangesList lines={difference.lines} />
              ) : (
                <p className="text-sm text-slate-500">These versions hold the same values.</p>
              )}
            </section>
          ) : null}
        </Card>
        <Table
          caption="Versions"
          empty={revisions.length === 0 ? "No versions have been recorded for this record." : undefined}
          head={["Version", "Change", "What changed", "By", "Time (UTC)", ""].map((h) => (
            <Th key={h || "restore"}>{h}</Th>
          ))}
        >
          {revisions.map((revision, index) => (
            <tr key={revision.id}>
              <Td className="tabular-nums">{revision.version}</Td>
              <Td className="whitespace-nowrap">
                <Badge tone={actionTone[revision.action]}>{actionLabel(revision.action)}</Badge>
                {index === 0 && current ? <span className="ml-2 text-xs text-slate-500">current</span> : null}
              </Td>
              <Td className="w-1/2 min-w-40">
                <ChangesList lines={revision.changeLines} />
              </Td>
              <Td className="min-w-44 break-words">
                {revision.actorName}
                {revision.viaToken ? (
                  <span className="block text-xs text-slate-600">with API token {revision.viaToken}</span>
                ) : null}
              </Td>
              <Td className="tabular-nums whitespace-nowrap">
                {revision.at.toISOString().slice(0, 10)} {revision.at.toISOString().slice(11, 19)}
              </Td>
              <Td className="text-right">
                {/* The newest version of a record that exists is what it holds now: nothing to restore. */}
                {mayRestore && !(index === 0 && current) && (revision.action !== "delete" || !current) ? (
                  <RestoreButton
                    what={`${kind} ${name}`}
                    version={revision.version}
                    input={{ revisionId: revision.id, expectedVersion: current?.version ?? 0 }}
                    action={restoreRevisionAction}
                  />
                ) : null}
              </Td>
            </tr>
          ))}
        </Table>
      </div>
    </>
  );
});
