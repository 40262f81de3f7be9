// How "Test connection" answers in /api/v1: the report the console shows, step by step. The schema is the
// OpenAPI document's.
import { z } from "zod";
import type { ConnectionReport } from "./connection-test";

export const ZConnectionReportResponse = z.object({
  ok: z.boolean().describe("Every step succeeded and the last one is an HTTP answer that is not a redirect."),
  steps: z.array(
    z.object({
      step: z.enum(["url", "dns", "tcp", "tls", "http", "redirect"]),
      ok: z.boolean(),
      ms: z.number().int().min(0),
      detail: z.string(),
    }),
  ),
  totalMs: z.number().int().min(0),
  address: z.string().optional().describe("The address TCP, TLS and HTTP last went to, once DNS succeeded."),
  httpStatus: z.number().int().optional(),
  refused: z.boolean().optional().describe("The address may not be reached (internal, not allowed in Settings)."),
});

export type TConnectionReportResponse = z.input<typeof ZConnectionReportResponse>;

export const connectionReportView = (report: ConnectionReport): TConnectionReportResponse => report;
