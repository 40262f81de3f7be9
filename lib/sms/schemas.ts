// One set of schemas for the SMS channel form and the server, generated from the option registry:
// each plain option is a string ("" means not set: the driver's default applies), each secret a
// keep / replace / clear change, and the TLS rules across fields. Issues carry the form's dotted field
// names ("options.reconnection-timeout") as one path segment, so the API's field errors name the option.
import { z } from "zod";
import { textProblem, ZId, ZVersion, zLine, zSecretText } from "../schemas";
import {
  optionValueProblem,
  PLAIN_OPTIONS,
  SECRET_OPTIONS,
  type SmsPlainName,
  type SmsSecretName,
  smsOption,
} from "./options";
import { tlsProblems, tlsStateOf } from "./tls-rules";

export const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

export const ZSmsChannelName = zLine({ max: 100, required: "Enter a name." }).regex(
  CHANNEL_NAME_PATTERN,
  "Use letters, digits, - and _ only: the driver reads the channel from the section channel-<name>.",
);

/**
 * A secret option is write-only: "keep" leaves it as stored, "replace" sets a new value (the driver
 * refuses an empty one), "clear" removes it.
 */
export const ZSmsSecretChange = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("keep") }),
    z.object({ action: z.literal("replace"), value: zSecretText(1024) }),
    z.object({ action: z.literal("clear") }),
  ],
  "Keep the value, enter a new one, or clear it.",
);

export type TSmsSecretChange = z.infer<typeof ZSmsSecretChange>;

const plainShape = Object.fromEntries(PLAIN_OPTIONS.map((name) => [name, z.string().trim().default("")])) as Record<
  SmsPlainName,
  z.ZodDefault<z.ZodString>
>;

const secretShape = Object.fromEntries(
  SECRET_OPTIONS.map((name) => [name, ZSmsSecretChange.default({ action: "keep" })]),
) as Record<SmsSecretName, z.ZodDefault<typeof ZSmsSecretChange>>;

export const ZSmsPlainOptions = z.object(plainShape);
export const ZSmsSecretChanges = z.object(secretShape);

export type TSmsPlainOptions = z.infer<typeof ZSmsPlainOptions>;
export type TSmsSecretChanges = z.infer<typeof ZSmsSecretChanges>;

/** Each plain value checked against its registry entry. */
export function optionIssues(options: Partial<Record<SmsPlainName, string>>): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  for (const name of PLAIN_OPTIONS) {
    const value = options[name] ?? "";
    if (value === "") continue;
    const problem = textProblem(value, "line") ?? optionValueProblem(smsOption(name), value);
    if (problem) issues.push({ field: `options.${name}`, message: problem });
  }
  return issues;
}

/** Each replaced secret checked against its registry entry: not an empty string, not too long. */
export function secretIssues(secrets: Partial<Record<SmsSecretName, TSmsSecretChange>>) {
  const issues: { field: string; message: string }[] = [];
  for (const name of SECRET_OPTIONS) {
    const change = secrets[name];
    if (change?.action !== "replace") continue;
    const option = smsOption(name);
    if (change.value.length === 0)
      issues.push({ field: `secrets.${name}`, message: "Enter a value (not an empty string), or clear it." });
    else if (change.value.length > option.maxLength)
      issues.push({ field: `secrets.${name}`, message: `Use at most ${option.maxLength} characters.` });
  }
  return issues;
}

/**
 * The channel's fields with every rule. `stored`: whether secrets may be stored already (an update, where
 * a kept secret is unknown here) or cannot be (a new channel, where keeping means not set).
 */
function channelFields(stored: "unknown" | "none") {
  return z
    .object({
      name: ZSmsChannelName,
      options: ZSmsPlainOptions.default(ZSmsPlainOptions.parse({})),
      secrets: ZSmsSecretChanges.default(ZSmsSecretChanges.parse({})),
    })
    .superRefine((channel, ctx) => {
      const issues = [
        ...optionIssues(channel.options),
        ...secretIssues(channel.secrets),
        ...tlsProblems(tlsStateOf(channel, stored === "none" ? {} : undefined)),
      ];
      for (const issue of issues) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
    });
}

export const ZSmsChannelFields = channelFields("unknown");

export type TSmsChannelFields = z.input<typeof ZSmsChannelFields>;

export const ZCreateSmsChannelRequest = channelFields("none");
export type TCreateSmsChannelRequest = z.output<typeof ZCreateSmsChannelRequest>;

export const ZUpdateSmsChannelRequest = ZSmsChannelFields.safeExtend({ id: ZId, version: ZVersion });
export type TUpdateSmsChannelRequest = z.output<typeof ZUpdateSmsChannelRequest>;

/** Marking the driver restarted names the channel version the operator saw pending. */
export const ZMarkRestartedRequest = z.object({ id: ZId, version: ZVersion });
export type TMarkRestartedRequest = z.output<typeof ZMarkRestartedRequest>;

/** The PKCS#12 file the path points to, uploaded to check it: base64, at most 64 KiB decoded. */
export const ZUploadKeystoreRequest = z.object({
  id: ZId,
  fileName: zLine({ max: 255, required: "Choose the PKCS#12 file." }),
  content: z
    .base64("The file could not be read; choose it again.")
    .min(1, "The file is empty.")
    .max(Math.ceil((64 * 1024 * 4) / 3) + 4, "The file is larger than 64 KiB: a PKCS#12 key store is much smaller."),
});
export type TUploadKeystoreRequest = z.output<typeof ZUploadKeystoreRequest>;
