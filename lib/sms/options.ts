// The SMS (SMPP) driver's channel options, one entry each: the form, validation, API schemas, export and
// restart tracking all read this table, so an option is described once, in the driver's own terms.
// Every entry names its source. Options the driver documents without a range we could source
// (x-smpp-host, x-smpp-port, x-smpp-system-id, x-smpp-bind-mode, timeouts…) are not here yet, rather
// than guessed.

export type SmsOptionKind = "enum" | "integer" | "text" | "secret";

export interface SmsOptionValue {
  value: string;
  description: string;
}

export interface SmsOption {
  name: string;
  /** The words the form shows above the field. */
  label: string;
  description: string;
  kind: SmsOptionKind;
  /** The driver's default; null: "No default value". */
  default: string | null;
  /** For enum options: every valid value, as the reference lists them. */
  values?: readonly SmsOptionValue[];
  /** For integer options: the documented range (max absent: no upper bound). */
  range?: { min: number; max?: number };
  /** The most characters a value may have (derived for enum and integer options). */
  maxLength: number;
  /** The reference's "Valid Values" line, for people (derived for enum and integer options). */
  validValues: string;
  /** Sealed, write-only, shown only as set / not set, left out of exports. */
  secret: boolean;
  /** The reference's "Changes Take Effect". */
  takesEffect: "after-restart" | "immediately";
  group: "connection" | "tls";
  /** Where the entry's facts come from. */
  source: string;
}

/** An entry as written below: enum and integer options leave out what their values or range already say. */
type SmsOptionEntry = Omit<SmsOption, "maxLength" | "validValues"> &
  Partial<Pick<SmsOption, "maxLength" | "validValues">>;

/** An integer option's "Valid Values" line and longest value, in the reference's own words, from its range. */
function describeRange({ min, max }: { min: number; max?: number }) {
  return max === undefined
    ? { validValues: `Any integer greater than or equal to ${min}`, maxLength: 9 }
    : { validValues: `Integer ${min} - ${max}`, maxLength: String(max).length };
}

function complete<E extends SmsOptionEntry>(entry: E): E & Pick<SmsOption, "maxLength" | "validValues"> {
  const derived =
    entry.kind === "integer" && entry.range
      ? describeRange(entry.range)
      : entry.kind === "enum" && entry.values
        ? {
            validValues: entry.values.map((v) => v.value).join(", "),
            maxLength: Math.max(...entry.values.map((v) => v.value.length)),
          }
        : { validValues: "", maxLength: 0 };
  return { ...derived, ...entry } as E & Pick<SmsOption, "maxLength" | "validValues">;
}

const SEED = "Genesys Driver for SMS and MMS, Security and Privacy (seeds/003)";
const CHANNEL_OPTIONS =
  "https://docs.genesys.com/Documentation/Options/latest/ES/SmsMmsDriver-channel-any_name_for_sms";
const SMS_ADMIN = "https://docs.genesys.com/Documentation/MSGA/latest/SMS/SMSAdmin";

const ENTRIES = [
  {
    name: "password",
    label: "SMSC password",
    description: "The password used to connect to the messaging provider (SMSC, MMSC and others).",
    kind: "secret",
    default: null,
    maxLength: 8,
    validValues: "An empty string, or a valid password, no longer than 8 characters",
    secret: true,
    takesEffect: "after-restart",
    group: "connection",
    source: CHANNEL_OPTIONS,
  },
  {
    name: "reconnection-timeout",
    label: "Reconnection timeout (seconds)",
    description:
      "The delay, in seconds, before the driver starts reconnecting this channel after the connection was lost.",
    kind: "integer",
    default: "180",
    range: { min: 10 },
    secret: false,
    takesEffect: "after-restart",
    group: "connection",
    source: CHANNEL_OPTIONS,
  },
  {
    name: "x-smpp-response-max-waiting-time",
    label: "Response maximum waiting time (ms)",
    description:
      "The longest time, in milliseconds, the driver waits for the SMSC's response to a submitted message; after it, the submission has failed.",
    kind: "integer",
    default: "30000",
    range: { min: 1000, max: 180000 },
    secret: false,
    takesEffect: "after-restart",
    group: "connection",
    source: SMS_ADMIN,
  },
  {
    name: "x-smpp-submit-window-size",
    label: "Submit window size",
    description:
      "How many messages the driver sends without a confirmation from the SMSC; at the limit it waits for confirmations.",
    kind: "integer",
    default: "10",
    range: { min: 1, max: 1000 },
    secret: false,
    takesEffect: "after-restart",
    group: "connection",
    source: SMS_ADMIN,
  },
  {
    name: "x-smpp-submit-max-rate",
    label: "Submit maximum rate (messages per second)",
    description: "The most messages per second the driver sends to the SMSC.",
    kind: "integer",
    default: "10",
    range: { min: 1, max: 1000 },
    secret: false,
    takesEffect: "after-restart",
    group: "connection",
    source: SMS_ADMIN,
  },
  {
    name: "x-smpp-sar-max-segments",
    label: "Maximum segments",
    description:
      "The most segments a long message is sent in; longer outbound messages are rejected and the ESP requester gets a negative response.",
    kind: "integer",
    default: "255",
    range: { min: 2, max: 255 },
    secret: false,
    takesEffect: "after-restart",
    group: "connection",
    source: SMS_ADMIN,
  },
  {
    name: "x-smpp-tls-mode",
    label: "TLS mode",
    description: "The driver's security mode towards the SMSC.",
    kind: "enum",
    default: "off",
    values: [
      { value: "off", description: "SMS driver will not use TLS to communicate with SMSC." },
      { value: "single", description: "SMS driver checks SMSC's certificate for connection." },
      {
        value: "mutual",
        description: "SMS driver checks SMSC's certificate and sends its own certificate to SMSC",
      },
    ],
    secret: false,
    takesEffect: "after-restart",
    group: "tls",
    source: SEED,
  },
  {
    name: "x-smpp-tls-version",
    label: "TLS version",
    description: "The version of the TLS protocol the driver uses with the SMSC.",
    kind: "enum",
    default: "1.2",
    values: [
      { value: "1.1", description: "TLS version 1.1 (deprecated: accepted, with a warning)" },
      { value: "1.2", description: "TLS version 1.2" },
    ],
    secret: false,
    takesEffect: "after-restart",
    group: "tls",
    source: SEED,
  },
  {
    name: "x-smpp-tls-path-to-certificate",
    label: "Path to certificate",
    description: "The path, on the driver's host, of the PKCS#12 file holding the TLS certificates.",
    kind: "text",
    default: null,
    maxLength: 1024,
    validValues: "Not empty string",
    secret: false,
    takesEffect: "after-restart",
    group: "tls",
    source: SEED,
  },
  {
    name: "x-smpp-tls-certificate-file-password",
    label: "Certificate file password",
    description: "The password that opens the PKCS#12 file.",
    kind: "secret",
    default: null,
    maxLength: 1024,
    validValues: "Not empty string",
    secret: true,
    takesEffect: "after-restart",
    group: "tls",
    source: SEED,
  },
  {
    name: "x-smpp-tls-certificate-password",
    label: "Certificate password",
    description: "The password of the certificate's private key in the PKCS#12 file.",
    kind: "secret",
    default: null,
    maxLength: 1024,
    validValues: "Not empty string",
    secret: true,
    takesEffect: "after-restart",
    group: "tls",
    source: SEED,
  },
] as const satisfies readonly SmsOptionEntry[];

export const SMS_OPTIONS = ENTRIES.map(complete);

export type SmsOptionName = (typeof ENTRIES)[number]["name"];

type SecretEntry = Extract<(typeof ENTRIES)[number], { secret: true }>;
type PlainEntry = Extract<(typeof ENTRIES)[number], { secret: false }>;
export type SmsSecretName = SecretEntry["name"];
export type SmsPlainName = PlainEntry["name"];

export const SMS_OPTION_NAMES = SMS_OPTIONS.map((o) => o.name) as readonly SmsOptionName[];

export const SECRET_OPTIONS = SMS_OPTIONS.filter((o) => o.secret).map((o) => o.name) as readonly SmsSecretName[];

export const PLAIN_OPTIONS = SMS_OPTIONS.filter((o) => !o.secret).map((o) => o.name) as readonly SmsPlainName[];

const BY_NAME = new Map<string, SmsOption>(SMS_OPTIONS.map((o) => [o.name, o]));

export function smsOption(name: SmsOptionName): SmsOption {
  return BY_NAME.get(name) as SmsOption;
}

export function isSmsOptionName(name: string): name is SmsOptionName {
  return BY_NAME.has(name);
}

/** Why a value (not empty: empty means "not set, the driver's default applies") is not valid, or null. */
export function optionValueProblem(option: SmsOption, value: string): string | null {
  if (value.length > option.maxLength) return `Use at most ${option.maxLength} characters.`;
  switch (option.kind) {
    case "enum": {
      const values = option.values ?? [];
      return values.some((v) => v.value === value) ? null : `Choose one of: ${values.map((v) => v.value).join(", ")}.`;
    }
    case "integer": {
      const range = option.range ?? { min: 0 };
      const inRange = `${range.min}${range.max === undefined ? " or more" : ` to ${range.max}`}`;
      if (!/^\d+$/.test(value)) return `Enter a whole number, ${inRange}.`;
      const number = Number(value);
      if (number < range.min || (range.max !== undefined && number > range.max)) return `Enter a number ${inRange}.`;
      return null;
    }
    default:
      return value.trim().length === 0 ? "Enter a value, or leave the field empty for no value." : null;
  }
}

/** The value the driver uses: the one set, else its default (null: none). */
export function effectiveValue(option: SmsOption, set: string | undefined): string | null {
  return set !== undefined && set !== "" ? set : option.default;
}
