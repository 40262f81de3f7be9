// Channels in the driver's own formats: the configuration sections it reads ([channel-<name>] with
// option = value lines, a CFG/INI file) and CSV rows the way Genesys Administrator exports options
// (Section, Option, Value). Secret options are left out: exporting them needs a right not granted yet.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { scopeOf, scopeWhere } from "../rights/can";
import { ZId } from "../schemas";
import { PLAIN_OPTIONS, SECRET_OPTIONS } from "./options";
import { requireSmsChannelCapability } from "./permissions";
import { optionRecord } from "./restart";

export const EXPORT_FORMATS = ["cfg", "csv"] as const;

export const ZExportSmsChannelsRequest = z.object({
  format: z.enum(EXPORT_FORMATS, "Choose cfg or csv.").default("cfg"),
  /** Absent: every channel the actor may view. */
  ids: z.array(ZId).max(500).optional(),
});
export type TExportSmsChannelsRequest = z.output<typeof ZExportSmsChannelsRequest>;

interface ExportedChannel {
  name: string;
  options: Record<string, string>;
}

const SECRETS_LEFT_OUT = `; secrets left out: ${SECRET_OPTIONS.join(", ")}`;

/** One section per channel, options in the registry's order; only options that are set. */
export function toCfg(channels: readonly ExportedChannel[]): string {
  return channels
    .map((channel) => {
      const lines = PLAIN_OPTIONS.flatMap((name) =>
        channel.options[name] ? [`${name} = ${channel.options[name]}`] : [],
      );
      return [`[channel-${channel.name}]`, SECRETS_LEFT_OUT, ...lines].join("\n");
    })
    .join("\n\n")
    .concat(channels.length ? "\n" : "");
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function toCsv(channels: readonly ExportedChannel[]): string {
  const rows = [["Section", "Option", "Value"]];
  for (const channel of channels)
    for (const name of PLAIN_OPTIONS)
      if (channel.options[name]) rows.push([`channel-${channel.name}`, name, channel.options[name]]);
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export async function exportSmsChannels(actor: Actor, input: TExportSmsChannelsRequest) {
  await requireSmsChannelCapability(actor, "export");
  const wanted = input.ids;
  // A channel named but hidden from the actor is refused as if it did not exist (404, audited).
  for (const id of wanted ?? []) await requireSmsChannelCapability(actor, "export", { id });
  const scope = scopeOf(actor.rights, "sms_channel", "view");
  const rows = await db().smsChannel.findMany({
    where: { AND: [scopeWhere(scope), wanted ? { id: { in: wanted } } : {}] },
    select: { name: true, options: true },
    orderBy: { nameKey: "asc" },
  });
  const channels = rows.map((row) => ({ name: row.name, options: optionRecord(row.options) }));
  return input.format === "csv"
    ? { fileName: "sms-channels.csv", contentType: "text/csv", content: toCsv(channels) }
    : { fileName: "sms-channels.cfg", contentType: "text/plain", content: toCfg(channels) };
}
