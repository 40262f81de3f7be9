// SMS channels: listing, reading and changing them, with rights checked (scopable to one channel), secret
// options sealed and write-only, the TLS rules checked against what is stored, restart tracking kept
// current, and every change audited and kept as a revision.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { diff } from "../audit/diff";
import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { db, type Tx } from "../db";
import { readRows } from "../db/read-rows";
import { invalid, notFound, stale } from "../errors";
import { Prisma, type SmsChannel } from "../generated/prisma/client";
import { ZListParams } from "../list/params";
import { readPage } from "../list/sql-page";
import { changeRecord, type RecordKind } from "../records/change";
import { scopeOf } from "../rights/can";
import { scopeSql } from "../rights/scope-sql";
import type { TDeleteRequest } from "../users/schemas";
import { reportFor } from "./keystore";
import { PLAIN_OPTIONS, SECRET_OPTIONS, type SmsSecretName } from "./options";
import { requireSmsChannelCapability, smsChannelVerdicts } from "./permissions";
import { isRestartPending, type OptionState, optionRecord, pendingChanges, restartState } from "./restart";
import type {
  TCreateSmsChannelRequest,
  TMarkRestartedRequest,
  TSmsPlainOptions,
  TSmsSecretChanges,
  TUpdateSmsChannelRequest,
} from "./schemas";
import { sealChannelSecret } from "./secret";
import { type TlsState, tlsProblems, tlsStateOf, tlsWarnings } from "./tls-rules";

export const SMS_CHANNEL: RecordKind = {
  objectType: "sms_channel",
  noun: "SMS channel",
  unique: { field: "name", message: "An SMS channel with this name exists already." },
};

export const CHANNEL_SORTS = ["name", "updatedAt"] as const;

export const RESTART_FILTERS = ["pending"] as const;

/** The channels list's query string: search, sort, page and the "restart pending" filter. */
export const ZSmsChannelListFilter = ZListParams.extend({
  restart: z.enum(RESTART_FILTERS).optional().catch(undefined),
});

export type TSmsChannelListFilter = z.infer<typeof ZSmsChannelListFilter>;

type StoredChannel = SmsChannel & { secretsSealed: Prisma.JsonValue; keystoreSealed: string | null };

const loadWithSecrets = (client: Tx, id: string) =>
  client.smsChannel.findUnique({ where: { id }, omit: { secretsSealed: false, keystoreSealed: false } });

export async function listSmsChannels(actor: Actor, filter: TSmsChannelListFilter) {
  await requireSmsChannelCapability(actor, "list");
  const page = await readPage<ListedChannel>(filter, {
    table: "SmsChannel",
    alias: "ch",
    scope: scopeOf(actor.rights, "sms_channel", "view"),
    search: { text: filter.q, columns: ["name"] },
    where: filter.restart === "pending" ? [Prisma.sql`ch."restartPending"`] : [],
    columns: ["id", "name", "options", "restartPending", "version"],
    timestamps: ["updatedAt"],
    sorts: CHANNEL_SORTS,
  });
  return { ...page, rows: page.rows.map(channelListRow) };
}

/** What the list reads of a channel. */
type ListedChannel = Pick<SmsChannel, "id" | "name" | "options" | "restartPending" | "version" | "updatedAt">;

/** A channel as the list shows it: its driver section and TLS mode. */
export function channelListRow(channel: ListedChannel) {
  const options = optionRecord(channel.options);
  return {
    id: channel.id,
    name: channel.name,
    section: `channel-${channel.name}`,
    tlsMode: options["x-smpp-tls-mode"] || "off",
    restartPending: channel.restartPending,
    version: channel.version,
    updatedAt: channel.updatedAt,
  };
}

/** How many channels the actor may see wait for a driver restart (the home page's count). */
export async function countRestartPending(actor: Actor): Promise<number | null> {
  // Not a refusal: the home page only leaves the count out.
  if (smsChannelVerdicts(actor).list) return null;
  const scope = scopeOf(actor.rights, "sms_channel", "view");
  // In every console page's header: through the driver (lib/db/read-rows.ts).
  const [row] = await readRows<{ n: number }>(
    Prisma.sql`SELECT COUNT(*)::int AS "n" FROM "SmsChannel" WHERE "restartPending" AND ${scopeSql(scope, '"id"')}`,
  );
  return row?.n ?? 0;
}

/** A channel as people and the API may see it: each secret option only as set or not set. */
export async function getSmsChannel(actor: Actor, id: string) {
  await requireSmsChannelCapability(actor, "view", { id });
  const channel = await loadWithSecrets(db(), id);
  if (!channel) throw notFound("This SMS channel");
  return channelDetail(channel);
}

function channelDetail(channel: StoredChannel) {
  const options = optionRecord(channel.options);
  const secrets = optionRecord(channel.secretsSealed);
  const secretsSet = Object.fromEntries(SECRET_OPTIONS.map((name) => [name, !!secrets[name]])) as Record<
    SmsSecretName,
    boolean
  >;
  const baseline = channel.restartBaseline === null ? null : (optionRecord(channel.restartBaseline) as OptionState);
  const tls = tlsStateOf({ options, secrets: {} }, secretsSet);
  return {
    id: channel.id,
    name: channel.name,
    section: `channel-${channel.name}`,
    options: Object.fromEntries(PLAIN_OPTIONS.map((name) => [name, options[name] ?? ""])) as TSmsPlainOptions,
    secretsSet,
    warnings: tlsWarnings(tls),
    restart: {
      pending: channel.restartPending,
      /** Null: the driver has not been marked restarted since the channel was added. */
      restartedAt: channel.restartedAt,
      changes: pendingChanges(baseline, restartState(options, secrets)),
    },
    keystore: channel.keystoreFileName
      ? { fileName: channel.keystoreFileName, uploadedAt: channel.keystoreUploadedAt }
      : null,
    version: channel.version,
    createdAt: channel.createdAt,
    updatedAt: channel.updatedAt,
  };
}

export type SmsChannelDetail = ReturnType<typeof channelDetail>;

/** The plain options to store: only those set. */
function storedOptions(options: TSmsPlainOptions): Record<string, string> {
  return Object.fromEntries(PLAIN_OPTIONS.flatMap((name) => (options[name] ? [[name, options[name]]] : [])));
}

/** The sealed secrets to store: kept ones as they were, replaced ones sealed to this channel, cleared ones gone. */
function storedSecrets(channelId: string, changes: TSmsSecretChanges, before: Record<string, string>) {
  const stored: Record<string, string> = {};
  for (const name of SECRET_OPTIONS) {
    const change = changes[name];
    if (change.action === "replace") stored[name] = sealChannelSecret(channelId, name, change.value);
    else if (change.action === "keep" && before[name]) stored[name] = before[name];
  }
  return stored;
}

/** The TLS rules against what will be stored (the form could only assume a kept secret is set). */
function requireTlsRules(state: TlsState) {
  const problems = tlsProblems(state);
  if (problems.length === 0) return;
  const errors: Record<string, string[]> = {};
  for (const { field, message } of problems) errors[field] = [...(errors[field] ?? []), message];
  throw invalid(errors);
}

/** The channel as its revisions and the audit trail keep it: name and every option, secrets sealed. */
function flatSnapshot(name: string, options: Record<string, string>, secrets: Record<string, string>) {
  return { name, ...options, ...secrets };
}

const nameTaken = (nameKey: string) => async (tx: Tx, current?: { nameKey: string }) =>
  (!current || current.nameKey !== nameKey) &&
  !!(await tx.smsChannel.findUnique({ where: { nameKey }, select: { id: true } }));

/** A deleted channel brought back by a restore: its old id, the version after its last one, its sealed secrets. */
export interface RestoredChannel {
  revived?: { id: string; version: number };
  secretsSealed: Record<string, string>;
}

export async function createSmsChannel(actor: Actor, input: TCreateSmsChannelRequest, restored?: RestoredChannel) {
  await requireSmsChannelCapability(actor, "create");
  const id = restored?.revived?.id ?? randomUUID();
  const options = storedOptions(input.options);
  const secrets = restored?.secretsSealed ?? storedSecrets(id, input.secrets, {});
  requireTlsRules(tlsStateOf({ options, secrets: {} }, setOf(secrets)));
  const nameKey = input.name.toLowerCase();
  return changeRecord<StoredChannel, SmsChannel>(actor, SMS_CHANNEL, {
    action: restored ? "restore" : "create",
    nameTaken: nameTaken(nameKey),
    apply: async (tx) => {
      const channel = await tx.smsChannel.create({
        data: {
          id,
          ...(restored?.revived ? { version: restored.revived.version } : {}),
          name: input.name,
          nameKey,
          options,
          secretsSealed: secrets,
          // The driver reads a new section only when it starts (restartBaseline stays null).
          restartPending: true,
        },
      });
      const after = flatSnapshot(channel.name, options, secrets);
      return {
        result: channel,
        objectId: channel.id,
        objectName: channel.name,
        version: channel.version,
        changes: diff(null, after, SECRET_OPTIONS),
        snapshot: after,
      };
    },
  });
}

const setOf = (secrets: Record<string, string>) =>
  Object.fromEntries(SECRET_OPTIONS.map((name) => [name, !!secrets[name]])) as Record<SmsSecretName, boolean>;

export async function updateSmsChannel(actor: Actor, input: TUpdateSmsChannelRequest, restored?: RestoredChannel) {
  await requireSmsChannelCapability(actor, "modify", { id: input.id });
  const nameKey = input.name.toLowerCase();
  return changeRecord<StoredChannel, SmsChannel>(actor, SMS_CHANNEL, {
    action: restored ? "restore" : "modify",
    current: { load: (tx) => loadWithSecrets(tx, input.id), version: input.version },
    nameTaken: nameTaken(nameKey),
    apply: async (tx, before) => {
      if (!before) throw notFound("This SMS channel");
      const beforeOptions = optionRecord(before.options);
      const beforeSecrets = optionRecord(before.secretsSealed);
      const options = storedOptions(input.options);
      const secrets = restored?.secretsSealed ?? storedSecrets(before.id, input.secrets, beforeSecrets);
      // With the PKCS#12 file uploaded, the rules know whether it holds a key (opened with the passwords saved).
      const keystoreHasKey = before.keystoreSealed
        ? reportFor(before.id, before.keystoreSealed, options, secrets).hasPrivateKey
        : null;
      requireTlsRules(tlsStateOf({ options, secrets: {} }, setOf(secrets), keystoreHasKey));
      const baseline = before.restartBaseline === null ? null : (optionRecord(before.restartBaseline) as OptionState);
      const channel = await tx.smsChannel.update({
        where: { id: input.id, version: input.version },
        data: {
          name: input.name,
          nameKey,
          options,
          secretsSealed: secrets,
          restartPending: isRestartPending(baseline, restartState(options, secrets)),
          version: { increment: 1 },
        },
      });
      const after = flatSnapshot(channel.name, options, secrets);
      return {
        result: channel,
        objectId: channel.id,
        objectName: channel.name,
        version: channel.version,
        changes: diff(flatSnapshot(before.name, beforeOptions, beforeSecrets), after, SECRET_OPTIONS),
        snapshot: after,
      };
    },
  });
}

export async function deleteSmsChannel(actor: Actor, input: TDeleteRequest) {
  await requireSmsChannelCapability(actor, "delete", { id: input.id });
  await changeRecord<StoredChannel, void>(actor, SMS_CHANNEL, {
    action: "delete",
    current: { load: (tx) => loadWithSecrets(tx, input.id), version: input.version },
    apply: async (tx, before) => {
      if (!before) throw notFound("This SMS channel");
      await tx.smsChannel.delete({ where: { id: input.id, version: input.version } });
      const snapshot = flatSnapshot(before.name, optionRecord(before.options), optionRecord(before.secretsSealed));
      return {
        result: undefined,
        objectId: before.id,
        objectName: before.name,
        version: before.version,
        changes: diff(snapshot, null, SECRET_OPTIONS),
        snapshot,
      };
    },
  });
}

/**
 * The operator restarted the driver: what is stored now is what it runs with, so nothing is pending.
 * The version the operator saw must still be current, so a change saved meanwhile (which the restart
 * may not have picked up) is not cleared unseen. The configuration is unchanged: no new version or revision.
 */
export async function markSmsDriverRestarted(actor: Actor, input: TMarkRestartedRequest) {
  await requireSmsChannelCapability(actor, "markRestarted", { id: input.id });
  return db().$transaction(async (tx) => {
    const channel = await loadWithSecrets(tx, input.id);
    if (!channel) throw notFound("This SMS channel");
    if (channel.version !== input.version) throw stale(SMS_CHANNEL.noun);
    const current = restartState(optionRecord(channel.options), optionRecord(channel.secretsSealed));
    const baseline = channel.restartBaseline === null ? null : (optionRecord(channel.restartBaseline) as OptionState);
    const changes = pendingChanges(baseline, current);
    const restartedAt = new Date();
    const updated = await tx.smsChannel.updateMany({
      where: { id: input.id, version: input.version },
      data: { restartBaseline: current, restartPending: false, restartedAt },
    });
    if (updated.count !== 1) throw stale(SMS_CHANNEL.noun);
    await recordAudit(tx, actor, {
      action: "mark_restarted",
      objectType: "sms_channel",
      objectId: channel.id,
      objectName: channel.name,
      detail:
        changes.length > 0
          ? `Driver restarted; it now runs with ${changes.map((c) => c.option).join(", ")} as saved.`
          : "Driver restarted; no option was waiting for it.",
    });
    return { id: channel.id, version: channel.version, restartedAt };
  });
}
