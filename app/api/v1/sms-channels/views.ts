// How an SMS channel reads in /api/v1: an allow-list of fields. Secret options are write-only, so each
// only says whether it is set; no sealed or plain value can be sent.
import type { SmsChannelDetail } from "@/lib/sms/service";

interface ChannelRecord {
  id: string;
  name: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function channelView(channel: ChannelRecord) {
  return {
    id: channel.id,
    name: channel.name,
    section: `channel-${channel.name}`,
    version: channel.version,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
  };
}

export function channelListView(row: Omit<ChannelRecord, "createdAt"> & { tlsMode: string; restartPending: boolean }) {
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

export function channelDetailView(channel: SmsChannelDetail) {
  return {
    ...channelView(channel),
    options: channel.options,
    secrets: Object.fromEntries(
      Object.entries(channel.secretsSet).map(([name, set]) => [name, set ? ("set" as const) : ("not set" as const)]),
    ),
    warnings: channel.warnings,
    restart: {
      pending: channel.restart.pending,
      restartedAt: channel.restart.restartedAt?.toISOString() ?? null,
      changes: channel.restart.changes.map((c) =>
        c.secret ? { option: c.option, change: c.secretChange } : { option: c.option, from: c.from, to: c.to },
      ),
    },
    keystore: channel.keystore
      ? { fileName: channel.keystore.fileName, uploadedAt: channel.keystore.uploadedAt?.toISOString() ?? null }
      : null,
  };
}
