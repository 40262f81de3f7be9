// How an SMS channel reads in /api/v1: an allow-list of fields. Secret options are write-only, so each
// only says whether it is set; no sealed or plain value can be sent. The schemas are the OpenAPI
// document's; the views are typed by them, so the two cannot drift apart.
import { z } from "zod";
import { zPageOf } from "../list/params";
import { ZTimestamp } from "../schemas";
import { EXPORT_FORMATS } from "./export";
import { PLAIN_OPTIONS, SECRET_OPTIONS, type SmsOptionName, type SmsSecretName } from "./options";
import type { Pkcs12Report } from "./pkcs12-check";
import type { SmsChannelDetail } from "./service";

const ZSection = z.string().describe("The driver's configuration section for the channel: channel-<name>.");

export const ZSmsChannelResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  section: ZSection,
  version: z.number().int().min(1),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});

export const ZSmsChannelListResponse = zPageOf(
  z.object({
    id: z.uuid(),
    name: z.string(),
    section: ZSection,
    tlsMode: z.string().describe("x-smpp-tls-mode, off when not set."),
    restartPending: z.boolean(),
    version: z.number().int().min(1),
    updatedAt: ZTimestamp,
  }),
);

const ZOptionName = z.enum([...PLAIN_OPTIONS, ...SECRET_OPTIONS] as [SmsOptionName, ...SmsOptionName[]]);
const ZSecretState = z.enum(["set", "not set"]);

export const ZSmsChannelDetailResponse = ZSmsChannelResponse.extend({
  options: z
    .object(Object.fromEntries(PLAIN_OPTIONS.map((name) => [name, z.string()])))
    .describe('Every plain option, "" when not set (the driver\'s default applies).'),
  writeOnly: z
    .array(z.object({ option: z.enum(SECRET_OPTIONS as [SmsSecretName, ...SmsSecretName[]]), secret: ZSecretState }))
    .describe("Every secret option, only as set or not set (like a messaging service's credentials)."),
  warnings: z.array(z.string()),
  restart: z.object({
    pending: z.boolean().describe("After-restart options changed since the driver was last marked restarted."),
    restartedAt: ZTimestamp.nullable(),
    changes: z.array(
      z.union([
        z.object({ option: ZOptionName, change: z.enum(["set", "changed", "cleared"]) }).describe("A secret option."),
        z.object({ option: ZOptionName, from: z.string().nullable(), to: z.string().nullable() }),
      ]),
    ),
  }),
  keystore: z.object({ fileName: z.string(), uploadedAt: ZTimestamp.nullable() }).nullable(),
});

export const ZSmsRestartedResponse = z.object({
  id: z.uuid(),
  restartPending: z.literal(false),
  restartedAt: ZTimestamp,
});

export const ZSmsKeystoreUploadedResponse = z.object({ id: z.uuid(), fileName: z.string(), uploadedAt: ZTimestamp });

export const ZSmsKeystoreCheckResponse = z.union([
  z.object({ uploaded: z.literal(false) }).describe("No PKCS#12 file was uploaded for this channel."),
  z.object({
    uploaded: z.literal(true),
    opened: z.boolean().describe("Whether the file password opened the store."),
    hasPrivateKey: z.boolean().nullable().describe("Null when the store could not be opened."),
    certificates: z.array(
      z.object({
        subject: z.string(),
        issuer: z.string(),
        notBefore: ZTimestamp,
        notAfter: ZTimestamp,
        status: z.enum(["valid", "expired", "expires-soon", "not-yet-valid"]),
      }),
    ),
    findings: z.array(
      z.object({
        level: z.enum(["error", "warning", "ok"]),
        message: z.string(),
        troubleshooting: z
          .enum(["no-trusted-certificate", "smsc-closes-socket", "keystore-password", "key-password"])
          .optional()
          .describe("The troubleshooting case that explains the finding."),
      }),
    ),
  }),
]);

export const ZSmsExportResponse = z.object({
  fileName: z.string(),
  contentType: z.enum(["text/plain", "text/csv"]),
  content: z.string().describe(`The file: ${EXPORT_FORMATS.join(" or ")}, secret options left out.`),
});

export type TSmsChannelResponse = z.input<typeof ZSmsChannelResponse>;
export type TSmsChannelListRow = z.input<typeof ZSmsChannelListResponse>["rows"][number];
export type TSmsChannelDetailResponse = z.input<typeof ZSmsChannelDetailResponse>;

interface ChannelRecord {
  id: string;
  name: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function channelView(channel: ChannelRecord): TSmsChannelResponse {
  return {
    id: channel.id,
    name: channel.name,
    section: `channel-${channel.name}`,
    version: channel.version,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
  };
}

export function channelListView(
  row: Omit<ChannelRecord, "createdAt"> & { tlsMode: string; restartPending: boolean },
): TSmsChannelListRow {
  return {
    id: row.id,
    name: row.name,
    section: `channel-${row.name}`,
    tlsMode: row.tlsMode,
    restartPending: row.restartPending,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function channelDetailView(channel: SmsChannelDetail): TSmsChannelDetailResponse {
  return {
    ...channelView(channel),
    options: channel.options,
    writeOnly: SECRET_OPTIONS.map((option) => ({ option, secret: channel.secretsSet[option] ? "set" : "not set" })),
    warnings: channel.warnings,
    restart: {
      pending: channel.restart.pending,
      restartedAt: channel.restart.restartedAt?.toISOString() ?? null,
      changes: channel.restart.changes.map((c) =>
        c.secret
          ? { option: c.option, change: c.secretChange ?? "changed" }
          : { option: c.option, from: c.from, to: c.to },
      ),
    },
    keystore: channel.keystore
      ? { fileName: channel.keystore.fileName, uploadedAt: channel.keystore.uploadedAt?.toISOString() ?? null }
      : null,
  };
}

export function restartedView(marked: { id: string; restartedAt: Date }): z.input<typeof ZSmsRestartedResponse> {
  return { id: marked.id, restartPending: false, restartedAt: marked.restartedAt.toISOString() };
}

export function keystoreUploadedView(uploaded: {
  id: string;
  fileName: string;
  uploadedAt: Date;
}): z.input<typeof ZSmsKeystoreUploadedResponse> {
  return { id: uploaded.id, fileName: uploaded.fileName, uploadedAt: uploaded.uploadedAt.toISOString() };
}

export function keystoreCheckView(report: Pkcs12Report | null): z.input<typeof ZSmsKeystoreCheckResponse> {
  if (!report) return { uploaded: false };
  return {
    uploaded: true,
    opened: report.opened,
    hasPrivateKey: report.hasPrivateKey,
    certificates: report.certificates.map((c) => ({
      subject: c.subject,
      issuer: c.issuer,
      notBefore: c.notBefore.toISOString(),
      notAfter: c.notAfter.toISOString(),
      status: c.status,
    })),
    findings: report.findings,
  };
}
