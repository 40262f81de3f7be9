// The messaging service types, one entry each: what their credentials mean, look like and how many
// there may be, and whether they need incoming authentication. Form labels, help texts, the checks in
// schemas.ts and the list filters all read from here; a new type is one more entry in SERVICE_TYPES.
//
// Source: seeds/000_… ("Configuring Messaging Services"). Where it is silent, the choices are ours:
// - c4semail, sinchsms and wavy allow exactly one credential set, like sap365 and twilio (the seed lists
//   only facebook and social365 as taking several, and sinchconversation as taking two kinds).
// - Every type needs at least one outgoing credential set; a service without one cannot send.
// - Authentication IDs are unique within a service, ignoring case (one entry per Page, per hub account).
// - Usernames may not contain spaces, control characters or colons (a colon cannot travel in HTTP Basic).

export interface CredentialKind {
  /** Stable key, e.g. for tests and the UI: "outgoing", "incoming", "page", "account". */
  key: string;
  /** One entry of this kind, in a sentence: "set of credentials", "webhook entry". */
  noun: string;
  authId: {
    label: string;
    help: string;
    placeholder: string;
    /** Checked against the trimmed Authentication ID. */
    pattern: RegExp;
    /** Shown when the pattern does not match. */
    formatMessage: string;
    /** An entry whose Authentication ID is exactly this is of this kind (sinchconversation's "webhook"). */
    literal?: string;
  };
  secret: { label: string; help: string };
  min: number;
  max: number;
}

export interface MessagingServiceTypeDefinition {
  label: string;
  description: string;
  /** What the Authentications block says about how many entries it takes. */
  credentialsHelp: string;
  /**
   * Kinds of credential entries. An entry belongs to the kind whose `literal` equals its Authentication ID,
   * or else to the one kind without a literal.
   */
  credentialKinds: readonly CredentialKind[];
  /** When "Use Local Http Authentication" is on, an external user with Use on the service must exist. */
  needsIncomingAuthentication: boolean;
  serviceConnection: {
    help: string;
    placeholder: string;
    /** The documented shape of the URL, if the vendor documents one: a mismatch is a warning, not an error. */
    expected?: { pattern: RegExp; advice: string };
  };
}

/** Most entries in one service's Authentications block, whatever the type allows. */
export const MAX_CREDENTIALS = 200;

const USERNAME = /^[^\s:\p{Cc}]{1,200}$/u;
const USERNAME_MESSAGE = "Enter the username without spaces or colons.";

/** The single username/password set that most types take. */
function usernamePassword(vendor: string): CredentialKind[] {
  return [
    {
      key: "outgoing",
      noun: "set of credentials",
      authId: {
        label: "Username",
        help: `The username ${vendor} gave you for this service.`,
        placeholder: "username",
        pattern: USERNAME,
        formatMessage: USERNAME_MESSAGE,
      },
      secret: { label: "Password", help: `The password that goes with the username at ${vendor}.` },
      min: 1,
      max: 1,
    },
  ];
}

const anyHttps = (example: string) => ({
  help: "The outgoing connection of the service: an https URL.",
  placeholder: example,
});

const SERVICE_TYPES = {
  facebook: {
    label: "Facebook Messenger",
    description: "Messenger conversations with one or more Facebook Pages.",
    credentialsHelp: "One entry per Facebook Page; add as many Pages as the service serves.",
    credentialKinds: [
      {
        key: "page",
        noun: "Page",
        authId: {
          label: "Page ID",
          help: "The numeric ID of the Facebook Page (Page settings › About › Page transparency, or Meta Business Suite).",
          placeholder: "104729381234567",
          pattern: /^\d{1,20}$/,
          formatMessage: "A Page ID is a number, such as 104729381234567.",
        },
        secret: { label: "Page access token", help: "The Page's access token from Meta's developer dashboard." },
        min: 1,
        max: MAX_CREDENTIALS,
      },
    ],
    needsIncomingAuthentication: false,
    serviceConnection: anyHttps("https://graph.facebook.com/v21.0/me/messages"),
  },
  sap365: {
    label: "SAP 365",
    description: "SMS through SAP Digital Interconnect 365.",
    credentialsHelp: "Exactly one set of credentials.",
    credentialKinds: usernamePassword("SAP 365"),
    needsIncomingAuthentication: true,
    serviceConnection: anyHttps("https://provider.example.com/…"),
  },
  twilio: {
    label: "Twilio",
    description: "SMS and messaging through Twilio.",
    credentialsHelp: "Exactly one set of credentials.",
    credentialKinds: usernamePassword("Twilio"),
    needsIncomingAuthentication: true,
    serviceConnection: anyHttps("https://api.twilio.com/2010-04-01/Accounts/{Account SID}/Messages.json"),
  },
  social365: {
    label: "Social 365",
    description: "Social messaging hub accounts of one landscape (one service per landscape).",
    credentialsHelp:
      "One entry per hub account of this landscape. Hub accounts of another landscape go into another social365 service.",
    credentialKinds: [
      {
        key: "account",
        noun: "hub account",
        authId: {
          label: "Authentication ID (username@accountID)",
          help: "The hub account's username, then @, then its account ID.",
          placeholder: "jane.doe@A1B2C3",
          // The username may itself contain @ (an e-mail address); the account ID follows the last @.
          pattern: /^[^\s:@](?:[^\s:]*[^\s:@])?@[^\s:@]+$/,
          formatMessage: "Use username@accountID, for example jane.doe@A1B2C3.",
        },
        secret: { label: "Password", help: "The hub account's password." },
        min: 1,
        max: MAX_CREDENTIALS,
      },
    ],
    needsIncomingAuthentication: true,
    serviceConnection: anyHttps("https://provider.example.com/…"),
  },
  c4semail: {
    label: "C4S e-mail",
    description: "E-mail through SAP Cloud for Service (C4S).",
    credentialsHelp: "Exactly one set of credentials.",
    credentialKinds: usernamePassword("C4S"),
    needsIncomingAuthentication: false,
    serviceConnection: anyHttps("https://provider.example.com/…"),
  },
  sinchconversation: {
    label: "Sinch Conversation API",
    description: "Messaging channels through Sinch's Conversation API.",
    credentialsHelp:
      "One outgoing entry ([Key ID]@[App ID] with the access key's secret) and, for incoming messages, one entry with the ID webhook and the app's webhook secret token.",
    credentialKinds: [
      {
        key: "incoming",
        noun: "webhook entry",
        authId: {
          label: "Authentication ID (webhook)",
          help: "Exactly webhook: this entry holds the secret that Sinch signs its callbacks with.",
          placeholder: "webhook",
          pattern: /^webhook$/,
          formatMessage: "The incoming entry's ID is exactly webhook.",
          literal: "webhook",
        },
        secret: {
          label: "Webhook secret token",
          help: "Sinch dashboard › Conversation API › Apps › [the app] › Webhook › Secret token.",
        },
        min: 0,
        max: 1,
      },
      {
        key: "outgoing",
        noun: "outgoing entry ([Key ID]@[App ID])",
        authId: {
          label: "Authentication ID ([Key ID]@[App ID])",
          help: "Key ID from Sinch dashboard › Settings › Access keys, then @, then the App ID from Conversation API › Apps.",
          placeholder: "5b4c7e2a-1f3d-4c8e-9a6b-0d2e4f6a8c1e@01HV7Q3M2N4P5R6S7T8V9W0X1Y",
          pattern: /^[A-Za-z0-9-]+@[A-Za-z0-9]+$/,
          formatMessage: "Use [Key ID]@[App ID] for the outgoing entry, or exactly webhook for the incoming one.",
        },
        secret: {
          label: "Access key secret",
          help: "The secret of the access key: Sinch dashboard › Settings › Access keys (shown once, when the key is made).",
        },
        min: 1,
        max: 1,
      },
    ],
    needsIncomingAuthentication: true,
    serviceConnection: {
      help: "https://{eu|us}.conversation.api.sinch.com/v1/projects/{project ID}/messages:send, with the region of your Sinch project and its project ID (Conversation API › Apps).",
      placeholder: "https://eu.conversation.api.sinch.com/v1/projects/{project ID}/messages:send",
      expected: {
        pattern: /^https:\/\/(eu|us)\.conversation\.api\.sinch\.com\/v1\/projects\/[A-Za-z0-9-]+\/messages:send$/,
        advice:
          "Sinch documents https://{eu|us}.conversation.api.sinch.com/v1/projects/{project ID}/messages:send; check the region and the project ID.",
      },
    },
  },
  sinchsms: {
    label: "Sinch SMS",
    description: "SMS through Sinch's SMS API.",
    credentialsHelp: "Exactly one set of credentials.",
    credentialKinds: usernamePassword("Sinch"),
    needsIncomingAuthentication: true,
    serviceConnection: anyHttps("https://provider.example.com/…"),
  },
  wavy: {
    label: "Wavy",
    description: "SMS and WhatsApp through Wavy.",
    credentialsHelp: "Exactly one set of credentials.",
    credentialKinds: usernamePassword("Wavy"),
    needsIncomingAuthentication: true,
    serviceConnection: anyHttps("https://provider.example.com/…"),
  },
} satisfies Record<string, MessagingServiceTypeDefinition>;

export type MessagingServiceType = keyof typeof SERVICE_TYPES;

/** The type keys in the order the "Add New" dialog offers them; a tuple for z.enum(). */
export const MESSAGING_SERVICE_TYPES = Object.keys(SERVICE_TYPES) as [MessagingServiceType, ...MessagingServiceType[]];

export const MESSAGING_SERVICE_TYPE_DEFINITIONS: Readonly<
  Record<MessagingServiceType, MessagingServiceTypeDefinition>
> = SERVICE_TYPES;

export function isMessagingServiceType(value: unknown): value is MessagingServiceType {
  return typeof value === "string" && Object.hasOwn(SERVICE_TYPES, value);
}

export function serviceTypeDefinition(type: MessagingServiceType): MessagingServiceTypeDefinition {
  return MESSAGING_SERVICE_TYPE_DEFINITIONS[type];
}

export function needsIncomingAuthentication(type: MessagingServiceType): boolean {
  return MESSAGING_SERVICE_TYPE_DEFINITIONS[type].needsIncomingAuthentication;
}

/** The kind of credential entry an Authentication ID makes, for this type. */
export function credentialKindFor(type: MessagingServiceType, authId: string): CredentialKind {
  const kinds = MESSAGING_SERVICE_TYPE_DEFINITIONS[type].credentialKinds;
  const trimmed = authId.trim();
  const byLiteral = kinds.find((kind) => kind.authId.literal !== undefined && kind.authId.literal === trimmed);
  const fallback = kinds.find((kind) => kind.authId.literal === undefined);
  const kind = byLiteral ?? fallback;
  if (!kind) throw new Error(`Service type ${type} has no credential kind for ordinary entries.`);
  return kind;
}

/** A warning (not an error) when the URL does not have the shape the vendor documents. */
export function serviceConnectionAdvice(type: MessagingServiceType, url: string): string | null {
  const { expected } = MESSAGING_SERVICE_TYPE_DEFINITIONS[type].serviceConnection;
  return expected && !expected.pattern.test(url.trim()) ? expected.advice : null;
}

/** The Authentication ID of the entry whose secret signs incoming callbacks, for types that sign them. */
export function signingEntryId(type: MessagingServiceType): string | undefined {
  return serviceTypeDefinition(type).credentialKinds.find((kind) => kind.key === "incoming")?.authId.literal;
}

/** How callers of a type authenticate: not at all, by the signature of its signing entry, or as an external user. */
export type IncomingAuthenticationMode = "none" | "signature" | "external_user";

export function incomingAuthenticationMode(type: MessagingServiceType): IncomingAuthenticationMode {
  if (!needsIncomingAuthentication(type)) return "none";
  return signingEntryId(type) ? "signature" : "external_user";
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** What "Use Local Http Authentication" asks of each type's callers, in words, from the catalogue above. */
export function incomingAuthenticationHelp(): string {
  const byMode = (mode: IncomingAuthenticationMode) =>
    MESSAGING_SERVICE_TYPES.filter((type) => incomingAuthenticationMode(type) === mode);
  const users = byMode("external_user");
  const signed = byMode("signature");
  const none = byMode("none");
  const sentences = ["When on, external systems must authenticate when they deliver to a messaging service."];
  if (users.length > 0) {
    sentences.push(
      `${listOf(users)} callers authenticate with HTTP Basic as an enabled external user with the Use right on that service.`,
    );
  }
  for (const type of signed) {
    sentences.push(
      `${type} callbacks are checked against the signature made with the secret of the service's ${signingEntryId(type)} entry; once that entry holds a secret, this is checked even when the setting is off.`,
    );
  }
  if (none.length > 0) sentences.push(`${listOf(none)} need no incoming authentication.`);
  return sentences.join(" ");
}
