// The audit trail, filtered and paged like the console's audit page (the same filter from the query string)
// and read with the same right. Changes come as the page words them; raw before/after values stay inside.
import { auditListView } from "@/lib/audit/api-views";
import { listAuditEvents, ZAuditFilter } from "@/lib/audit/query";
import { defineApiRoute } from "@/lib/http/define-api-route";

export const GET = defineApiRoute({
  schema: ZAuditFilter,
  input: ({ url }) => Object.fromEntries(url.searchParams),
  run: (actor, filter) => listAuditEvents(actor, filter),
  reply: (page) => ({ body: auditListView(page) }),
});
