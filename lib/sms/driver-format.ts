// Reading the driver's own formats back (what lib/sms/export.ts writes, or a driver's configuration
// file): CFG/INI sections [channel-<name>] with option = value lines, or CSV rows Section,Option,Value.
// Only the channel sections are read (a driver file has others, such as its log settings). The result is
// one record per channel in the transfer document's SMS-channel form; the records' own checks (unknown
// options, values out of range) happen in the import, per record. Only the file's syntax fails it whole.
import { type FieldErrors, invalid } from "../errors";
import type { DriverFormat } from "./driver-file";
import { SECRET_OPTIONS } from "./options";

export interface DriverChannel {
  name: string;
  options: Record<string, string>;
  secrets?: Record<string, string>;
}

const SECTION_PREFIX = "channel-";

class Sections {
  private readonly channels = new Map<string, DriverChannel>();
  readonly errors: string[] = [];

  /** The channel of a section, or null for a section that is not a channel's. */
  channel(section: string): DriverChannel | null {
    if (!section.toLowerCase().startsWith(SECTION_PREFIX)) return null;
    const name = section.slice(SECTION_PREFIX.length);
    let channel = this.channels.get(section);
    if (!channel) {
      channel = { name, options: {} };
      this.channels.set(section, channel);
    }
    return channel;
  }

  set(channel: DriverChannel, option: string, value: string, where: string) {
    const isSecret = (SECRET_OPTIONS as readonly string[]).includes(option);
    if (isSecret && !channel.secrets) channel.secrets = {};
    const target = isSecret && channel.secrets ? channel.secrets : channel.options;
    if (option in target) this.errors.push(`${where}: ${option} appears twice in [${SECTION_PREFIX}${channel.name}].`);
    target[option] = value;
  }

  result(): DriverChannel[] {
    if (this.errors.length > 0) {
      const fieldErrors: FieldErrors = { content: this.errors.slice(0, 20) };
      throw invalid(fieldErrors, `The file could not be read: ${this.errors[0]}`);
    }
    return [...this.channels.values()];
  }
}

export function parseCfg(text: string): DriverChannel[] {
  const sections = new Sections();
  let current: DriverChannel | null | undefined;
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const line = raw.trim();
    const where = `Line ${index + 1}`;
    if (line === "" || line.startsWith(";") || line.startsWith("#")) return;
    const header = /^\[(.+)\]$/.exec(line);
    if (header?.[1]) {
      current = sections.channel(header[1].trim());
      return;
    }
    if (current === null) return; // another section's line
    const equals = line.indexOf("=");
    if (current === undefined || equals <= 0) {
      sections.errors.push(
        current === undefined
          ? `${where}: an option outside any section; start with [channel-<name>].`
          : `${where}: expected option = value.`,
      );
      return;
    }
    sections.set(current, line.slice(0, equals).trim(), line.slice(equals + 1).trim(), where);
  });
  return sections.result();
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
function csvRows(text: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (quoted) return null;
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

export function parseCsv(text: string): DriverChannel[] {
  const sections = new Sections();
  const rows = csvRows(text.replace(/^\uFEFF/, ""));
  if (!rows) sections.errors.push("a quoted field is not closed.");
  const [header, ...body] = rows ?? [];
  if (rows && header?.map((f) => f.trim().toLowerCase()).join(",") !== "section,option,value")
    sections.errors.push("Row 1: the header must be Section,Option,Value.");
  body.forEach((row, index) => {
    const where = `Row ${index + 2}`;
    if (row.length !== 3) {
      sections.errors.push(`${where}: expected 3 fields (Section,Option,Value), found ${row.length}.`);
      return;
    }
    const [section = "", option = "", value = ""] = row.map((f) => f.trim());
    const channel = sections.channel(section);
    if (channel) sections.set(channel, option, value, where);
  });
  return sections.result();
}

export function parseDriverFormat(format: DriverFormat, text: string): DriverChannel[] {
  return format === "csv" ? parseCsv(text) : parseCfg(text);
}
