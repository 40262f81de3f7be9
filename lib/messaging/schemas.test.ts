import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  credentialIssues,
  serviceConnectionProblem,
  ZCreateMessagingServiceRequest,
  ZMessagingServiceFields,
  ZUpdateMessagingServiceRequest,
} from "./schemas";
import { MESSAGING_SERVICE_TYPES, type MessagingServiceType } from "./service-types";

const SERVICE_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const CREDENTIAL_ID = "3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f";
const OTHER_CREDENTIAL_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

const SINCH_URL =
  "https://eu.conversation.api.sinch.com/v1/projects/2c1a0b7e-4f5d-4e3a-9b8c-7d6e5f4a3b2c/messages:send";
const SINCH_OUT = "5b4c7e2a-1f3d-4c8e-9a6b-0d2e4f6a8c1e@01HV7Q3M2N4P5R6S7T8V9W0X1Y";

const entry = (authId: string, value = "s3cret") => ({ authId, secret: { action: "replace" as const, value } });

function service(type: MessagingServiceType, credentials: unknown[], overrides: Record<string, unknown> = {}) {
  return {
    name: `My ${type}`,
    type,
    serviceConnection: type === "sinchconversation" ? SINCH_URL : "https://provider.example.com/messages",
    credentials,
    ...overrides,
  };
}

/** Every issue as "path: message", in order. */
function issues(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

const ONE_SET_TYPES = ["sap365", "twilio", "c4semail", "sinchsms", "wavy"] as const;

describe("good input for every type", () => {
  const good: [MessagingServiceType, string, unknown[]][] = [
    ["facebook", "one Page", [entry("104729381234567")]],
    ["facebook", "several Pages", [entry("104729381234567"), entry("20531316728"), entry("1")]],
    ["social365", "one hub account", [entry("jane.doe@A1B2C3")]],
    ["social365", "several hub accounts", [entry("jane.doe@A1B2C3"), entry("jane.doe@D4E5F6"), entry("max@A1B2C3")]],
    ["social365", "a username that is an e-mail address", [entry("jane@corp.example@A1B2C3")]],
    ["sinchconversation", "the outgoing entry alone", [entry(SINCH_OUT)]],
    ["sinchconversation", "outgoing and webhook", [entry(SINCH_OUT), entry("webhook")]],
    ["sinchconversation", "webhook first", [entry("webhook"), entry("KEY-1@APP1")]],
    ...ONE_SET_TYPES.map((type): [MessagingServiceType, string, unknown[]] => [type, "one set", [entry("api.user_1")]]),
    ...ONE_SET_TYPES.map((type): [MessagingServiceType, string, unknown[]] => [
      type,
      "a username with @ and non-ASCII",
      [entry("jürgen@example.com")],
    ]),
  ];

  it.each(good)("%s: accepts %s", (type, _label, credentials) => {
    expect(issues(ZMessagingServiceFields, service(type, credentials))).toEqual([]);
  });

  it("covers every type", () => {
    expect(new Set(good.map(([type]) => type))).toEqual(new Set(MESSAGING_SERVICE_TYPES));
  });

  it("trims the name, the URL and the Authentication IDs, but never a secret", () => {
    const parsed = ZMessagingServiceFields.parse(
      service("twilio", [entry("  AC123  ", "  spaced secret  ")], {
        name: "  Twilio EU  ",
        serviceConnection: "  https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json ",
      }),
    );
    expect(parsed.name).toBe("Twilio EU");
    expect(parsed.serviceConnection).toBe("https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json");
    expect(parsed.credentials[0]).toEqual({
      authId: "AC123",
      secret: { action: "replace", value: "  spaced secret  " },
    });
  });
});

describe("bad credentials for every type", () => {
  const bad: [MessagingServiceType, string, unknown[], string[]][] = [
    // facebook: several Pages, numeric IDs, each once.
    ["facebook", "no Page", [], ["credentials: Add at least one Page (Page ID and Page access token)."]],
    [
      "facebook",
      "a Page name instead of its ID",
      [entry("My Shop")],
      ["credentials.0.authId: A Page ID is a number, such as 104729381234567."],
    ],
    [
      "facebook",
      "a negative number",
      [entry("-104729")],
      ["credentials.0.authId: A Page ID is a number, such as 104729381234567."],
    ],
    [
      "facebook",
      "the same Page twice",
      [entry("1047"), entry("2"), entry(" 1047 ")],
      ["credentials.2.authId: This ID is already used by entry 1."],
    ],
    [
      "facebook",
      "an empty Page ID",
      [entry("104729381234567"), entry("  ")],
      ["credentials.1.authId: Enter the Page ID."],
    ],

    // social365: username@accountID, one entry per hub account.
    [
      "social365",
      "no hub account",
      [],
      ["credentials: Add at least one hub account (Authentication ID (username@accountID) and Password)."],
    ],
    [
      "social365",
      "no account ID",
      [entry("jane.doe")],
      ["credentials.0.authId: Use username@accountID, for example jane.doe@A1B2C3."],
    ],
    [
      "social365",
      "no username",
      [entry("@A1B2C3")],
      ["credentials.0.authId: Use username@accountID, for example jane.doe@A1B2C3."],
    ],
    [
      "social365",
      "an empty account ID",
      [entry("jane.doe@")],
      ["credentials.0.authId: Use username@accountID, for example jane.doe@A1B2C3."],
    ],
    [
      "social365",
      "a doubled @",
      [entry("jane.doe@@A1B2C3")],
      ["credentials.0.authId: Use username@accountID, for example jane.doe@A1B2C3."],
    ],
    [
      "social365",
      "a space",
      [entry("jane doe@A1B2C3")],
      ["credentials.0.authId: Use username@accountID, for example jane.doe@A1B2C3."],
    ],
    [
      "social365",
      "the same hub account twice, in another case",
      [entry("jane.doe@A1B2C3"), entry("Jane.Doe@a1b2c3")],
      ["credentials.1.authId: This ID is already used by entry 1."],
    ],

    // sinchconversation: exactly one [Key ID]@[App ID], at most one webhook.
    [
      "sinchconversation",
      "nothing",
      [],
      [
        "credentials: Add the outgoing entry ([Key ID]@[App ID]) (Authentication ID ([Key ID]@[App ID]) and Access key secret).",
      ],
    ],
    [
      "sinchconversation",
      "only the webhook",
      [entry("webhook")],
      [
        "credentials: Add the outgoing entry ([Key ID]@[App ID]) (Authentication ID ([Key ID]@[App ID]) and Access key secret).",
      ],
    ],
    [
      "sinchconversation",
      "two outgoing entries",
      [entry(SINCH_OUT), entry("webhook"), entry("OTHERKEY@01HV")],
      [
        "credentials.2.authId: Sinch Conversation API allows only one outgoing entry ([Key ID]@[App ID]); remove this one.",
      ],
    ],
    [
      "sinchconversation",
      "two webhook entries",
      [entry("webhook"), entry(SINCH_OUT), entry("webhook")],
      [
        "credentials.2.authId: This ID is already used by entry 1. Use [Key ID]@[App ID] for the outgoing entry, or exactly webhook for the incoming one.",
      ],
    ],
    [
      "sinchconversation",
      "a capitalised Webhook",
      [entry(SINCH_OUT), entry("Webhook")],
      ["credentials.1.authId: Use [Key ID]@[App ID] for the outgoing entry, or exactly webhook for the incoming one."],
    ],
    [
      "sinchconversation",
      "a Key ID without App ID",
      [entry("5b4c7e2a-1f3d-4c8e-9a6b-0d2e4f6a8c1e")],
      ["credentials.0.authId: Use [Key ID]@[App ID] for the outgoing entry, or exactly webhook for the incoming one."],
    ],
    [
      "sinchconversation",
      "two @",
      [entry("KEY@APP@X")],
      ["credentials.0.authId: Use [Key ID]@[App ID] for the outgoing entry, or exactly webhook for the incoming one."],
    ],
    [
      "sinchconversation",
      "spaces around the @",
      [entry("KEY @ APP")],
      ["credentials.0.authId: Use [Key ID]@[App ID] for the outgoing entry, or exactly webhook for the incoming one."],
    ],

    // The one-set types: exactly one username and password.
    ...ONE_SET_TYPES.flatMap((type): [MessagingServiceType, string, unknown[], string[]][] => [
      [type, "no credentials", [], ["credentials: Add the set of credentials (Username and Password)."]],
      [
        type,
        "two sets",
        [entry("first"), entry("second")],
        [`credentials.1.authId: ${labelOf(type)} allows only one set of credentials; remove this one.`],
      ],
      [
        type,
        "a username with a space",
        [entry("api user")],
        ["credentials.0.authId: Enter the username without spaces or colons."],
      ],
      [
        type,
        "a username with a colon",
        [entry("api:user")],
        ["credentials.0.authId: Enter the username without spaces or colons."],
      ],
      [type, "an empty username", [entry("")], ["credentials.0.authId: Enter the Username."]],
    ]),
  ];

  it.each(bad)("%s: refuses %s", (type, _label, credentials, expected) => {
    expect(issues(ZMessagingServiceFields, service(type, credentials))).toEqual(expected);
  });

  it("covers every type", () => {
    expect(new Set(bad.map(([type]) => type))).toEqual(new Set(MESSAGING_SERVICE_TYPES));
  });

  it("refuses more entries than any type takes", () => {
    const many = Array.from({ length: 201 }, (_, i) => entry(String(i + 1)));
    expect(issues(ZMessagingServiceFields, service("facebook", many))).toEqual([
      "credentials: Use at most 200 entries.",
    ]);
  });
});

function labelOf(type: MessagingServiceType): string {
  return { sap365: "SAP 365", twilio: "Twilio", c4semail: "C4S e-mail", sinchsms: "Sinch SMS", wavy: "Wavy" }[
    type as (typeof ONE_SET_TYPES)[number]
  ];
}

describe("the service connection", () => {
  it.each([
    ["an http URL", "http://provider.example.com/messages", "The service connection must use https://."],
    ["another scheme", "ftp://provider.example.com/", "The service connection must use https://."],
    ["no URL at all", "provider.example.com/messages", "Enter a URL, such as https://provider.example.com/messages."],
    ["a relative path", "/messages", "Enter a URL, such as https://provider.example.com/messages."],
    [
      "a URL with spaces in the host",
      "https://provider example.com",
      "Enter a URL, such as https://provider.example.com/messages.",
    ],
    [
      "credentials in the URL",
      "https://user:pw@provider.example.com/",
      "Put credentials in the Authentications block, not in the URL.",
    ],
    [
      "a user name in the URL",
      "https://user@provider.example.com/",
      "Put credentials in the Authentications block, not in the URL.",
    ],
    ["a fragment", "https://provider.example.com/send#x", "Remove the #fragment: it is never sent to the service."],
    ["nothing", "   ", "Enter the service connection URL."],
  ])("refuses %s, for every type", (_label, url, message) => {
    for (const type of MESSAGING_SERVICE_TYPES) {
      const credentials =
        type === "sinchconversation" ? [entry(SINCH_OUT)] : [entry(type === "social365" ? "a@b" : "1")];
      expect(issues(ZMessagingServiceFields, service(type, credentials, { serviceConnection: url })), type).toEqual([
        `serviceConnection: ${message}`,
      ]);
    }
  });

  it("refuses an overlong URL", () => {
    const url = `https://provider.example.com/${"a".repeat(2048)}`;
    expect(issues(ZMessagingServiceFields, service("twilio", [entry("u")], { serviceConnection: url }))).toEqual([
      "serviceConnection: Use at most 2048 characters.",
    ]);
  });

  it.each([
    "https://provider.example.com",
    "https://provider.example.com:8443/api/v1/send?tenant=eu",
    "https://10.0.0.7/send",
    "https://[2001:db8::1]/send",
    "HTTPS://PROVIDER.EXAMPLE.COM/",
    SINCH_URL,
  ])("accepts %s", (url) => {
    expect(serviceConnectionProblem(url)).toBeNull();
  });

  it("accepts a Sinch URL that does not match the documented template (that is only advice)", () => {
    const input = service("sinchconversation", [entry(SINCH_OUT)], {
      serviceConnection: "https://sinch-proxy.example.com/send",
    });
    expect(issues(ZMessagingServiceFields, input)).toEqual([]);
  });
});

const SECRET_CHOICE = "Keep the secret or enter a new one: every entry needs its secret (remove the entry to drop it).";

describe("write-only secrets", () => {
  it("keeps or replaces the secret of an existing entry", () => {
    for (const secret of [{ action: "keep" }, { action: "replace", value: "new" }]) {
      const input = service("twilio", [{ id: CREDENTIAL_ID, authId: "user", secret }]);
      expect(issues(ZMessagingServiceFields, input), secret.action).toEqual([]);
    }
  });

  it("refuses to clear a secret: every entry needs its own", () => {
    const input = service("twilio", [{ id: CREDENTIAL_ID, authId: "user", secret: { action: "clear" } }]);
    expect(issues(ZMessagingServiceFields, input)).toEqual([`credentials.0.secret.action: ${SECRET_CHOICE}`]);
  });

  it("asks for the secret of a new entry", () => {
    for (const secret of [{ action: "keep" }]) {
      const input = service("facebook", [
        { id: CREDENTIAL_ID, authId: "1", secret: { action: "keep" } },
        { authId: "2", secret },
      ]);
      expect(issues(ZMessagingServiceFields, input)).toEqual([
        "credentials.1.secret: Enter the secret for the new entry.",
      ]);
    }
  });

  it("refuses an empty or blank replacement, and an unknown action", () => {
    for (const value of ["", "   ", "\t\n"]) {
      // A new entry has no current secret to keep; a stored one does.
      expect(issues(ZMessagingServiceFields, service("wavy", [entry("user", value)]))).toEqual([
        "credentials.0.secret.value: Enter the secret for the new entry.",
      ]);
      const stored = { ...entry("user", value), id: CREDENTIAL_ID };
      expect(issues(ZMessagingServiceFields, service("wavy", [stored]))).toEqual([
        "credentials.0.secret.value: Enter the new secret, or keep the current one.",
      ]);
    }
    const unknown = service("wavy", [{ authId: "user", secret: { action: "show" } }]);
    expect(issues(ZMessagingServiceFields, unknown)).toEqual([`credentials.0.secret.action: ${SECRET_CHOICE}`]);
    const missing = service("wavy", [{ authId: "user" }]);
    expect(issues(ZMessagingServiceFields, missing)).toEqual([`credentials.0.secret: ${SECRET_CHOICE}`]);
  });

  it("refuses an overlong secret and a bad entry id", () => {
    const long = service("wavy", [entry("user", "x".repeat(4097))]);
    expect(issues(ZMessagingServiceFields, long)).toEqual(["credentials.0.secret.value: Use at most 4096 characters."]);
    const badId = service("wavy", [{ id: "42", authId: "user", secret: { action: "keep" } }]);
    expect(issues(ZMessagingServiceFields, badId)).toEqual(["credentials.0.id: Not a valid identifier."]);
  });

  it("strips a value sent along with keep, so nothing but a replacement is ever written", () => {
    const parsed = ZMessagingServiceFields.parse(
      service("twilio", [{ id: CREDENTIAL_ID, authId: "user", secret: { action: "keep", value: "leaked?" } }]),
    );
    expect(parsed.credentials[0]?.secret).toEqual({ action: "keep" });
  });
});

describe("all errors at once", () => {
  it("reports every field and every entry in one result", () => {
    const input = {
      name: "  ",
      type: "sinchconversation",
      serviceConnection: "http://eu.conversation.api.sinch.com",
      credentials: [
        { authId: "not-an-id", secret: { action: "keep" } },
        entry("webhook", ""),
        entry("webhook"),
        { id: OTHER_CREDENTIAL_ID, authId: 7, secret: { action: "keep" } },
      ],
    };
    expect(issues(ZMessagingServiceFields, input)).toEqual([
      "name: Enter a name.",
      "serviceConnection: The service connection must use https://.",
      "credentials.0.secret: Enter the secret for the new entry.",
      "credentials.1.secret.value: Enter the secret for the new entry.",
      "credentials.3.authId: Invalid input: expected string, received number",
      "credentials.0.authId: Use [Key ID]@[App ID] for the outgoing entry, or exactly webhook for the incoming one.",
      "credentials.2.authId: This ID is already used by entry 2. Use [Key ID]@[App ID] for the outgoing entry, or exactly webhook for the incoming one.",
    ]);
  });

  it("reports a bad type once, without guessing at the entries", () => {
    expect(issues(ZMessagingServiceFields, service("telegram" as MessagingServiceType, [entry("x")]))).toEqual([
      "type: Choose a service type.",
    ]);
  });

  it("refuses input that is not an object at all, without throwing", () => {
    for (const input of [null, undefined, "service", 42, []]) {
      expect(issues(ZMessagingServiceFields, input)).toHaveLength(1);
    }
    expect(issues(ZMessagingServiceFields, { type: "twilio" })).toEqual([
      "name: Invalid input: expected string, received undefined",
      "serviceConnection: Invalid input: expected string, received undefined",
      "credentials: Invalid input: expected array, received undefined",
    ]);
  });

  it("reports credentials that are not a list once", () => {
    expect(issues(ZMessagingServiceFields, service("twilio", [], { credentials: "user:pw" }))).toEqual([
      "credentials: Invalid input: expected array, received string",
    ]);
  });

  it("refuses a name that is too long", () => {
    expect(issues(ZMessagingServiceFields, service("twilio", [entry("u")], { name: "n".repeat(101) }))).toEqual([
      "name: Use at most 100 characters.",
    ]);
  });
});

describe("create and update requests", () => {
  it("creates from the fields alone", () => {
    expect(ZCreateMessagingServiceRequest.safeParse(service("twilio", [entry("u")])).success).toBe(true);
  });

  it("updates with an id and a version, and keeps the per-type rules", () => {
    const good = {
      ...service("twilio", [{ id: CREDENTIAL_ID, authId: "u", secret: { action: "keep" } }]),
      id: SERVICE_ID,
      version: 3,
    };
    expect(issues(ZUpdateMessagingServiceRequest, good)).toEqual([]);
    expect(issues(ZUpdateMessagingServiceRequest, { ...good, version: 0 })).toHaveLength(1);
    expect(issues(ZUpdateMessagingServiceRequest, { ...good, id: "x" })).toEqual(["id: Not a valid identifier."]);
    const twoSets = { ...good, credentials: [entry("a"), entry("b")] };
    expect(issues(ZUpdateMessagingServiceRequest, twoSets)).toEqual([
      "credentials.1.authId: Twilio allows only one set of credentials; remove this one.",
    ]);
  });
});

describe("credentialIssues", () => {
  it("skips entries whose Authentication ID is not text, without counting them", () => {
    expect(credentialIssues("twilio", [{ authId: 3 }, {}])).toEqual([
      { path: [], message: "Add the set of credentials (Username and Password)." },
    ]);
  });

  it("does not ask for an entry that is being corrected", () => {
    expect(credentialIssues("sinchconversation", [{ authId: "no-app-id" }])).toEqual([
      {
        path: [0, "authId"],
        message: "Use [Key ID]@[App ID] for the outgoing entry, or exactly webhook for the incoming one.",
      },
    ]);
  });
});

describe("bad bytes", () => {
  const NUL = "Remove the NUL character (U+0000): it cannot be stored.";

  it("refuses NUL and control characters in the name, the connection URL and a credential ID, on each field", () => {
    expect(
      issues(
        ZMessagingServiceFields,
        service("twilio", [entry("AC0123456789abcdef0123456789abcdef\u0000")], {
          name: "a\u0000b",
          serviceConnection: "https://provider.example.com/\u0007messages",
        }),
      ),
    ).toEqual(
      expect.arrayContaining([
        `name: ${NUL}`,
        "serviceConnection: Remove the invisible control character (U+0007).",
        `credentials.0.authId: ${NUL}`,
      ]),
    );
  });

  it("refuses NUL in a secret but keeps any other character a person can type", () => {
    expect(issues(ZMessagingServiceFields, service("wavy", [entry("wavy-user", "se\u0000cret")]))).toEqual([
      `credentials.0.secret.value: ${NUL}`,
    ]);
    expect(issues(ZMessagingServiceFields, service("wavy", [entry("wavy-user", " sé cret\t€ ")]))).toEqual([]);
  });
});
