// "Test connection" on a saved service: only for those who may modify it, only to its saved URL,
// never with a credential, and only to internal hosts an administrator allowed in Settings. Recorded in
// the audit trail, since it makes the server reach out.
import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { ZId } from "../schemas";
import { settingValue } from "../settings/service";
import { type ConnectionReport, probeConnection } from "./connection-test";
import { requireMessagingServiceCapability } from "./permissions";

export const ZTestConnectionRequest = z.object({ id: ZId });

export async function testServiceConnection(
  actor: Actor,
  input: z.infer<typeof ZTestConnectionRequest>,
): Promise<ConnectionReport> {
  await requireMessagingServiceCapability(actor, "testConnection", { id: input.id });
  const service = await db().messagingService.findUnique({
    where: { id: input.id },
    select: { id: true, name: true, serviceConnection: true },
  });
  if (!service) throw notFound("This messaging service");
  const allowedInternalHosts = await settingValue("allowedInternalHosts");
  const report = await probeConnection(service.serviceConnection, { policy: { allowedInternalHosts } });
  const last = report.steps.at(-1);
  await recordAudit(db(), actor, {
    action: "test_connection",
    objectType: "messaging_service",
    objectId: service.id,
    objectName: service.name,
    outcome: report.ok ? "success" : "failed",
    // A refused address was never contacted: say so in the page's words rather than "failed at dns".
    detail: report.refused
      ? "Not tested: the address may not be reached"
      : `${report.ok ? "Reached" : `Failed at ${last?.step ?? "start"}`} in ${report.totalMs} ms${report.httpStatus ? `, HTTP ${report.httpStatus}` : ""}`,
  });
  return report;
}
