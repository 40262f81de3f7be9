// Channels in the driver's own formats: the configuration sections it reads ([channel-<name>] with
// option = value lines, a CFG/INI file) and CSV rows the way Genesys Administrator exports options
// (Section, Option, Value). Secret options are left out unless asked for: then they are opened, only
// for the channels on which the actor holds export_secrets, and the export is audited (names, never values).
import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { canOn, scopeOf, scopeWhere } from "../rights/can";
import { ZId } from "../schemas";
import { PLAIN_OPTIONS, SECRET_OPTIONS, SMS_OPTIONS } from "./options";
import { requireSmsChannelCapability } from "./permissions";
import { optionRecord } from "./restart";
import { openChannelSecret } from "./secret";

export const EXPORT_FORMATS = ["cfg", "csv"] as const;

export const ZExportSmsChannelsRequest = z.object({
  format: z.enum(EXPORT_FORMATS, "Choose cfg or csv.").default("cfg"),
  /** Absent: every channel the actor may view. */
  ids: z.array(ZId).max(500).optional(),
  /** Secret options in clear, for the channels on which the actor holds export_secrets (audited). */
  withSecrets: z.boolean("withSecrets is true or false.").default(false),
});
/** withSecrets may be left out by callers in lib: it is false then. */
export type TExportSmsChannelsRequest = Omit<z.output<typeof ZExportSmsChannelsRequest>, "withSecrets"> & {
  withSecrets?: boolean;
};

interface ExportedChannel {
  name: string;
  /** Plain options, and the secret ones too (in clear) when `withSecrets`. */
  options: Record<string, string>;
  withSecrets?: boolean;
}

const SECRETS_LEFT_OUT = `; secrets left out: ${SECRET_OPTIONS.join(", ")}`;
const ALL_OPTIONS = SMS_OPTIONS.map((option) => option.name);

const namesOf = (channel: ExportedChannel): readonly string[] => (channel.withSecrets ? ALL_OPTIONS : PLAIN_OPTIONS);

/** One section per channel, options in the registry's order; only options that are set. */
export function toCfg(channels: readonly ExportedChannel[]): string {
  return channels
    .map((channel) => {
      const lines = namesOf(channel).flatMap((name) =>
        channel.options[name] ? [`${name} = ${channel.options[name]}`] : [],
      );
      const note = channel.withSecrets ? [] : [SECRETS_LEFT_OUT];
      return [`[channel-${channel.name}]`, ...note, ...lines].join("\n");
    })
    .join("\n\n")
    .concat(channels.length ? "\n" : "");
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function toCsv(channels: readonly ExportedChannel[]): string {
  const rows = [["Section", "Option", "Value"]];
  for (const channel of channels)
    for (const name of namesOf(channel))
      if (channel.options[name]) rows.push([`channel-${channel.name}`, name, channel.options[name]]);
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export async function exportSmsChannels(actor: Actor, input: TExportSmsChannelsRequest) {
  await requireSmsChannelCapability(actor, "export");
  const wanted = input.ids;
  // A channel named but hidden from the actor is refused as if it did not exist (404, audited).
  for (const id of wanted ?? []) await requireSmsChannelCapability(actor, "export", { id });
  // Secrets of a named channel need the right on it; of every channel, on at least one (403, audited).
  if (input.withSecrets) {
    await requireSmsChannelCapability(actor, "exportSecrets");
    for (const id of wanted ?? []) await requireSmsChannelCapability(actor, "exportSecrets", { id });
  }
  const scope = scopeOf(actor.rights, "sms_channel", "view");
  const rows = await db().smsChannel.findMany({
    where: { AND: [scopeWhere(scope), wanted ? { id: { in: wanted } } : {}] },
    select: { id: true, name: true, options: true, secretsSealed: input.withSecrets },
    orderBy: { nameKey: "asc" },
  });
  const channels = rows.map((row): ExportedChannel & { id: string } => {
    const options = optionRecord(row.options);
    if (!input.withSecrets || !canOn(actor.rights, "sms_channel", "export_secrets", row.id))
      return { id: row.id, name: row.name, options };
    const sealed = optionRecord(row.secretsSealed);
    const secrets = Object.fromEntries(
      Object.entries(sealed).map(([name, value]) => [name, openChannelSecret(row.id, name, value)]),
    );
    return { id: row.id, name: row.name, options: { ...options, ...secrets }, withSecrets: true };
  });
  if (input.withSecrets) await auditSecretsExported(actor, channels);
  return input.format === "csv"
    ? { fileName: "sms-channels.csv", contentType: "text/csv", content: toCsv(channels) }
    : { fileName: "sms-channels.cfg", contentType: "text/plain", content: toCfg(channels) };
}

/** Which channels' secrets left the server in clear, and by whom: names only, never a value. */
async function auditSecretsExported(actor: Actor, channels: readonly (ExportedChannel & { id: string })[]) {
  const opened = channels.filter((channel) => channel.withSecrets);
  const only = opened.length === 1 ? opened[0] : undefined;
  await recordAudit(db(), actor, {
    action: "export_secrets",
    objectType: "sms_channel",
    objectId: only?.id,
    objectName: only?.name,
    detail: `Exported with secrets in clear: ${opened.length ? opened.map((channel) => channel.name).join(", ") : "no channel"}`,
  });
}
