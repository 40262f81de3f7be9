// One set of schemas for the messaging service form and the server that re-checks it. The per-type rules
// (formats and how many credential entries) come from service-types.ts.
import { z } from "zod";
import { textProblem, ZId, ZVersion, zLine, zSecretText } from "../schemas";
import { ZCreateIncomingUserRequest } from "../users/schemas";
import {
  type CredentialKind,
  credentialKindFor,
  MAX_CREDENTIALS,
  MESSAGING_SERVICE_TYPES,
  type MessagingServiceType,
  serviceTypeDefinition,
} from "./service-types";

export const ZMessagingServiceType = z.enum(MESSAGING_SERVICE_TYPES, "Choose a service type.");

export const ZServiceName = zLine({ max: 100, required: "Enter a name." });

export const ZServiceConnection = zLine({ max: 2048, required: "Enter the service connection URL." }).superRefine(
  (value, ctx) => {
    // Empty, overlong and unprintable values already have their message.
    if (value.length === 0 || value.length > 2048 || textProblem(value, "line")) return;
    const problem = serviceConnectionProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  },
);

/**
 * Secrets are write-only: the form never holds a stored one. "keep" leaves it as it is, "replace" sets a
 * new value. There is no "clear": every entry needs its secret, and an entry that should have none goes.
 */
export const ZSecretChange = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("keep") }),
    z.object({
      action: z.literal("replace"),
      // Not trimmed: a secret is used exactly as typed. A blank one is refused by the entry, which knows
      // whether there is a current secret to keep.
      value: zSecretText(4096),
    }),
  ],
  "Keep the secret or enter a new one: every entry needs its secret (remove the entry to drop it).",
);

export const ZCredentialEntry = z
  .object({
    /** The stored credential this entry edits; absent for a new entry. */
    id: ZId.optional(),
    authId: zLine({ max: 300 }),
    secret: ZSecretChange,
  })
  .superRefine((entry, ctx) => {
    if (entry.id === undefined && entry.secret.action !== "replace") {
      ctx.addIssue({ code: "custom", path: ["secret"], message: "Enter the secret for the new entry." });
    }
    if (entry.secret.action === "replace" && entry.secret.value.trim().length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["secret", "value"],
        message:
          entry.id === undefined
            ? "Enter the secret for the new entry."
            : "Enter the new secret, or keep the current one.",
      });
    }
  });

export const ZMessagingServiceFields = z
  .object({
    name: ZServiceName,
    type: ZMessagingServiceType,
    serviceConnection: ZServiceConnection,
    credentials: z.array(ZCredentialEntry).max(MAX_CREDENTIALS, `Use at most ${MAX_CREDENTIALS} entries.`),
  })
  .superRefine(
    (service, ctx) => {
      for (const issue of credentialIssues(service.type, service.credentials)) {
        ctx.addIssue({ code: "custom", path: ["credentials", ...issue.path], message: issue.message });
      }
    },
    // Runs even when other fields (or single entries) failed, so the form shows every problem at once.
    { when: (payload) => !payload.issues.some(blocksCredentialChecks) },
  );

/** Without an object, a valid type or an array of entries, there is nothing to check the entries against. */
function blocksCredentialChecks(issue: { path?: PropertyKey[] }): boolean {
  const [field, ...rest] = issue.path ?? [];
  return field === undefined || field === "type" || (field === "credentials" && rest.length === 0);
}

export const ZCreateMessagingServiceRequest = ZMessagingServiceFields;
export const ZUpdateMessagingServiceRequest = ZMessagingServiceFields.safeExtend({ id: ZId, version: ZVersion });

/** The guided incoming-user flow: the new user's fields and the service the flow was started from. */
export const ZIncomingUserForServiceRequest = ZCreateIncomingUserRequest.safeExtend({ serviceId: ZId });

export type TIncomingUserForServiceRequest = z.infer<typeof ZIncomingUserForServiceRequest>;
export type TSecretChange = z.infer<typeof ZSecretChange>;
export type TCredentialEntry = z.infer<typeof ZCredentialEntry>;
export type TMessagingServiceFields = z.infer<typeof ZMessagingServiceFields>;
export type TCreateMessagingServiceRequest = z.infer<typeof ZCreateMessagingServiceRequest>;
export type TUpdateMessagingServiceRequest = z.infer<typeof ZUpdateMessagingServiceRequest>;

/** Why a URL cannot be a service connection, or null when it can. */
export function serviceConnectionProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a URL, such as https://provider.example.com/messages.";
  }
  if (url.protocol !== "https:") return "The service connection must use https://.";
  if (!url.hostname) return "The URL needs a host name.";
  // A password in the URL would be stored, shown and logged in clear: it belongs in Authentications.
  if (url.username || url.password) return "Put credentials in the Authentications block, not in the URL.";
  if (url.hash) return "Remove the #fragment: it is never sent to the service.";
  return null;
}

export interface CredentialIssue {
  /** Relative to the credentials array: [] for the whole block, [index, "authId"] for one entry. */
  path: (string | number)[];
  message: string;
}

/**
 * Format, uniqueness and cardinality of a service's credential entries. Written against possibly
 * partial input (the schema runs it even when single entries failed), so it reads entries defensively.
 */
export function credentialIssues(
  type: MessagingServiceType,
  entries: readonly { authId?: unknown }[],
): CredentialIssue[] {
  const definition = serviceTypeDefinition(type);
  const issues: CredentialIssue[] = [];
  const seen = new Map<string, number>();
  const valid = new Map<CredentialKind, number>();
  const attempted = new Set<CredentialKind>();

  entries.forEach((entry, index) => {
    if (typeof entry?.authId !== "string") return;
    const authId = entry.authId.trim();
    const kind = credentialKindFor(type, authId);
    attempted.add(kind);
    if (authId.length === 0) {
      issues.push({ path: [index, "authId"], message: `Enter the ${kind.authId.label}.` });
      return;
    }
    if (!kind.authId.pattern.test(authId)) {
      issues.push({ path: [index, "authId"], message: kind.authId.formatMessage });
      return;
    }
    const first = seen.get(authId.toLowerCase());
    if (first !== undefined) {
      // A second entry with a reserved ID (sinchconversation's webhook) was most likely meant as the other kind.
      const other = kind.authId.literal
        ? definition.credentialKinds.find((k) => k.authId.literal === undefined)
        : undefined;
      const hint = other ? ` ${other.authId.formatMessage}` : "";
      issues.push({ path: [index, "authId"], message: `This ID is already used by entry ${first + 1}.${hint}` });
      return;
    }
    seen.set(authId.toLowerCase(), index);

    const count = (valid.get(kind) ?? 0) + 1;
    valid.set(kind, count);
    if (count > kind.max) {
      const allowed = kind.max === 1 ? `only one ${kind.noun}` : `at most ${kind.max} entries of this kind`;
      issues.push({ path: [index, "authId"], message: `${definition.label} allows ${allowed}; remove this one.` });
    }
  });

  for (const kind of definition.credentialKinds) {
    // An entry of this kind that is still being corrected already carries its own message.
    if ((valid.get(kind) ?? 0) >= kind.min || attempted.has(kind)) continue;
    const what = `${kind.authId.label} and ${kind.secret.label}`;
    issues.push({
      path: [],
      message:
        kind.min === 1 && kind.max === 1
          ? `Add the ${kind.noun} (${what}).`
          : `Add at least one ${kind.noun} (${what}).`,
    });
  }
  return issues;
}
