// SMS channels in an export: name and the plain options that are set, and which secret options are set
// (their values never travel). A document may carry secret values to set them; on update a secret it
// leaves out keeps the stored one. Applied through the SMS channels' services, so the option registry's
// ranges, the TLS rules, restart tracking, audit rows and revisions are a save's.
import { z } from "zod";
import { type Changes, diff } from "../audit/diff";
import { db } from "../db";
import { type FieldErrors, invalid } from "../errors";
import { canSome, scopeOf, scopeWhere } from "../rights/can";
import { zSecretText } from "../schemas";
import { isSmsOptionName, PLAIN_OPTIONS, SECRET_OPTIONS, type SmsSecretName, smsOption } from "../sms/options";
import { optionRecord } from "../sms/restart";
import { optionIssues, ZCreateSmsChannelRequest, ZSmsChannelName, ZUpdateSmsChannelRequest } from "../sms/schemas";
import { openChannelSecret } from "../sms/secret";
import { createSmsChannel, updateSmsChannel } from "../sms/service";
import { defineArea, NEEDS_SECRET } from "./area";
import { parseRequest } from "./parse";

const isSecretName = (name: string): name is SmsSecretName => (SECRET_OPTIONS as readonly string[]).includes(name);

/** Options in the registry's order, empty values (the driver's default) left out, so records compare. */
function setOptions(options: Record<string, string>): Record<string, string> {
  const known = PLAIN_OPTIONS.flatMap((name) => (options[name] ? [[name, options[name]] as const] : []));
  const unknown = Object.entries(options).filter(
    ([name, value]) => value && !(PLAIN_OPTIONS as readonly string[]).includes(name),
  );
  return Object.fromEntries([...known, ...unknown]);
}

/** Longer than any option allows: the registry's own limit then answers, naming the option. */
const MAX_VALUE_LENGTH = 64 * 1024;

export const ZPortableSmsChannel = z
  .strictObject({
    name: ZSmsChannelName,
    /** Plain option → value, as the driver reads it; an option left out is not set (its default applies). */
    options: z.record(z.string().max(100), z.string().trim().max(MAX_VALUE_LENGTH)).default({}).transform(setOptions),
    /** The secret options the channel has set; exported without their values. */
    secretsSet: z.array(z.string().max(100)).max(SECRET_OPTIONS.length).default([]),
    /** Secret values to set: only in a document written by hand or read from the driver's file. */
    secrets: z.record(z.string().max(100), zSecretText(1024)).optional(),
  })
  .superRefine((channel, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    for (const name of Object.keys(channel.options)) {
      if (isSecretName(name)) issue(`options.${name}`, `${name} is a secret option: give its value under "secrets".`);
      else if (!isSmsOptionName(name))
        issue(`options.${name}`, `Unknown option ${name}: the SMS driver has no such channel option.`);
    }
    for (const { field, message } of optionIssues(channel.options)) issue(field, `${field.slice(8)}: ${message}`);
    for (const name of [...channel.secretsSet, ...Object.keys(channel.secrets ?? {})])
      if (!isSecretName(name)) issue(`secrets.${name}`, `${name} is not a secret option of the SMS driver.`);
    for (const [name, value] of Object.entries(channel.secrets ?? {})) {
      if (!isSecretName(name)) continue;
      const { maxLength } = smsOption(name);
      if (value.length === 0) issue(`secrets.${name}`, `${name}: enter a value (not an empty string).`);
      else if (value.length > maxLength) issue(`secrets.${name}`, `${name}: use at most ${maxLength} characters.`);
    }
  });
export type TPortableSmsChannel = z.infer<typeof ZPortableSmsChannel>;

function portableChannel(row: { name: string; options: unknown; secretsSealed: unknown }): TPortableSmsChannel {
  const secrets = optionRecord(row.secretsSealed);
  return {
    name: row.name,
    options: setOptions(optionRecord(row.options)),
    secretsSet: SECRET_OPTIONS.filter((name) => !!secrets[name]),
  };
}

/**
 * The stored channel's sealed secrets, beside its portable form (which never holds them): a file exported
 * with its secrets gives them back, and a value equal to the stored one is no change. Kept off the record
 * so that no report or audit row can carry them.
 */
const sealedOf = new WeakMap<TPortableSmsChannel, { id: string; sealed: Record<string, string> }>();

/** Whether the document gives a secret the value it already has. */
function sameSecret(stored: TPortableSmsChannel | null, name: string, value: string | undefined): boolean {
  const held = stored ? sealedOf.get(stored) : undefined;
  const sealed = held?.sealed[name];
  return !!held && !!sealed && value !== undefined && openChannelSecret(held.id, name, sealed) === value;
}

/** The secrets a save would change: set or replaced by the document, or named as set but missing here. */
function secretChanges(stored: TPortableSmsChannel, incoming: TPortableSmsChannel): Changes {
  const changes: Changes = {};
  for (const [name, value] of Object.entries(incoming.secrets ?? {}))
    if (!sameSecret(stored, name, value)) changes[name] = stored.secretsSet.includes(name) ? "changed" : "set";
  for (const name of incoming.secretsSet)
    if (!stored.secretsSet.includes(name) && incoming.secrets?.[name] === undefined) changes[name] = "set";
  return changes;
}

/** The form's secret changes: values given replace, others are kept; set secrets missing are refused. */
function secretEntries(stored: TPortableSmsChannel | null, incoming: TPortableSmsChannel) {
  const missing: FieldErrors = {};
  for (const name of incoming.secretsSet)
    if (!stored?.secretsSet.includes(name) && incoming.secrets?.[name] === undefined)
      missing[`secrets.${name}`] = [NEEDS_SECRET];
  if (Object.keys(missing).length > 0) throw invalid(missing, "Some secret options need their value.");
  return Object.fromEntries(
    SECRET_OPTIONS.map((name) => {
      const value = incoming.secrets?.[name];
      return [
        name,
        value === undefined || sameSecret(stored, name, value) ? { action: "keep" } : { action: "replace", value },
      ];
    }),
  );
}

/** What the audit trail and a save compare: the name and every plain option (set or not). */
const flat = (channel: TPortableSmsChannel) => ({ name: channel.name, ...channel.options });

export const smsChannels = defineArea<TPortableSmsChannel>({
  key: "smsChannels",
  label: "SMS channels",
  objectType: "sms_channel",
  schema: ZPortableSmsChannel,
  keyOf: (channel) => channel.name.trim(),
  mayView: (actor) => canSome(actor.rights, "sms_channel", "view"),
  exportAll: async (actor) => {
    const rows = await db().smsChannel.findMany({
      where: scopeWhere(scopeOf(actor.rights, "sms_channel", "view")),
      select: { name: true, options: true, secretsSealed: true },
      orderBy: { nameKey: "asc" },
    });
    return rows.map(portableChannel);
  },
  find: async (key) => {
    const row = await db().smsChannel.findUnique({
      where: { nameKey: key.toLowerCase() },
      select: { id: true, version: true, name: true, options: true, secretsSealed: true },
    });
    if (!row) return null;
    const record = portableChannel(row);
    sealedOf.set(record, { id: row.id, sealed: optionRecord(row.secretsSealed) });
    return { id: row.id, version: row.version, record };
  },
  compare: (stored, incoming) => ({ ...diff(flat(stored), flat(incoming)), ...secretChanges(stored, incoming) }),
  present: (incoming) => ({
    ...flat(incoming),
    ...Object.fromEntries(Object.keys(incoming.secrets ?? {}).map((name) => [name, "set"])),
  }),
  create: async (actor, incoming) => {
    const secrets = secretEntries(null, incoming);
    await createSmsChannel(
      actor,
      parseRequest(ZCreateSmsChannelRequest, { name: incoming.name, options: incoming.options, secrets }),
    );
    return [];
  },
  update: async (actor, stored, incoming) => {
    const secrets = secretEntries(stored.record, incoming);
    const input = { id: stored.id, version: stored.version, name: incoming.name, options: incoming.options, secrets };
    await updateSmsChannel(actor, parseRequest(ZUpdateSmsChannelRequest, input));
    return [];
  },
});
