import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  credentialKindFor,
  incomingAuthenticationMode,
  isMessagingServiceType,
  MESSAGING_SERVICE_TYPE_DEFINITIONS,
  MESSAGING_SERVICE_TYPES,
  needsIncomingAuthentication,
  serviceConnectionAdvice,
  serviceTypeDefinition,
} from "./service-types";

describe("the service type catalogue", () => {
  it("holds the eight types of the seed, as a tuple z.enum accepts", () => {
    expect(MESSAGING_SERVICE_TYPES).toEqual([
      "facebook",
      "sap365",
      "twilio",
      "social365",
      "c4semail",
      "sinchconversation",
      "sinchsms",
      "wavy",
    ]);
    const ZType = z.enum(MESSAGING_SERVICE_TYPES);
    for (const type of MESSAGING_SERVICE_TYPES) expect(ZType.parse(type)).toBe(type);
    expect(ZType.safeParse("telegram").success).toBe(false);
    expect(isMessagingServiceType("wavy")).toBe(true);
    expect(isMessagingServiceType("toString")).toBe(false);
    expect(isMessagingServiceType(42)).toBe(false);
  });

  it("says incoming authentication is needed by all but facebook and c4semail", () => {
    const without = MESSAGING_SERVICE_TYPES.filter((type) => !needsIncomingAuthentication(type));
    expect(without).toEqual(["facebook", "c4semail"]);
  });

  it.each(MESSAGING_SERVICE_TYPES)("%s: is complete and self-consistent", (type) => {
    const definition = serviceTypeDefinition(type);
    expect(definition).toBe(MESSAGING_SERVICE_TYPE_DEFINITIONS[type]);
    expect(definition.label.length).toBeGreaterThan(0);
    expect(definition.credentialsHelp.length).toBeGreaterThan(0);
    expect(definition.serviceConnection.help.length).toBeGreaterThan(0);
    expect(definition.serviceConnection.placeholder).toMatch(/^https:\/\//);
    // Exactly one kind takes ordinary entries; the others are claimed by a literal ID.
    expect(definition.credentialKinds.filter((kind) => kind.authId.literal === undefined)).toHaveLength(1);
    for (const kind of definition.credentialKinds) {
      expect(kind.min).toBeGreaterThanOrEqual(0);
      expect(kind.max).toBeGreaterThanOrEqual(Math.max(kind.min, 1));
      expect(kind.authId.label && kind.authId.help && kind.secret.label && kind.secret.help).toBeTruthy();
      expect(kind.authId.pattern.test(kind.authId.placeholder), `${type}/${kind.key} placeholder`).toBe(true);
      if (kind.authId.literal) expect(kind.authId.pattern.test(kind.authId.literal)).toBe(true);
    }
    // Every type needs at least one outgoing entry to send anything.
    expect(definition.credentialKinds.some((kind) => kind.min >= 1)).toBe(true);
  });

  it.each([
    ["facebook", "Page ID", "Page access token", 1, 200],
    ["sap365", "Username", "Password", 1, 1],
    ["twilio", "Username", "Password", 1, 1],
    ["social365", "Authentication ID (username@accountID)", "Password", 1, 200],
    ["c4semail", "Username", "Password", 1, 1],
    ["sinchsms", "Username", "Password", 1, 1],
    ["wavy", "Username", "Password", 1, 1],
  ] as const)("%s: Authentication ID is %s, Password is %s, %i to %i entries", (type, authId, secret, min, max) => {
    const [kind, ...others] = serviceTypeDefinition(type).credentialKinds;
    expect(others).toHaveLength(0);
    expect(kind).toMatchObject({ min, max, authId: { label: authId }, secret: { label: secret } });
  });

  it("sinchconversation: one outgoing [Key ID]@[App ID] entry and at most one webhook entry", () => {
    const outgoing = credentialKindFor("sinchconversation", "5b4c7e2a-1f3d@01HV7Q3M2N");
    const incoming = credentialKindFor("sinchconversation", " webhook ");
    expect(outgoing).toMatchObject({ key: "outgoing", min: 1, max: 1, secret: { label: "Access key secret" } });
    expect(incoming).toMatchObject({ key: "incoming", min: 0, max: 1, secret: { label: "Webhook secret token" } });
    expect(credentialKindFor("sinchconversation", "Webhook").key).toBe("outgoing");
    expect(credentialKindFor("sinchconversation", "").key).toBe("outgoing");
    expect(credentialKindFor("twilio", "webhook").key).toBe("outgoing");
  });

  it("sinchconversation: shows the regional URL template, and advises when a URL does not match it", () => {
    expect(serviceTypeDefinition("sinchconversation").serviceConnection.help).toContain(
      "https://{eu|us}.conversation.api.sinch.com/v1/projects/{project ID}/messages:send",
    );
    for (const url of [
      "https://eu.conversation.api.sinch.com/v1/projects/2c1a0b7e-4f5d-4e3a-9b8c-7d6e5f4a3b2c/messages:send",
      " https://us.conversation.api.sinch.com/v1/projects/abc123/messages:send ",
    ]) {
      expect(serviceConnectionAdvice("sinchconversation", url), url).toBeNull();
    }
    for (const url of [
      "https://ap.conversation.api.sinch.com/v1/projects/abc/messages:send",
      "https://eu.conversation.api.sinch.com/v1/projects/abc/apps",
      "https://eu.conversation.api.sinch.com/v1/projects//messages:send",
      "https://proxy.example.com/sinch",
    ]) {
      expect(serviceConnectionAdvice("sinchconversation", url), url).toContain("{eu|us}");
    }
    expect(serviceConnectionAdvice("twilio", "https://anything.example.com")).toBeNull();
  });
});

describe("incomingAuthenticationMode", () => {
  it("puts sinchconversation with its signature, not with the types whose callers are external users", () => {
    expect(Object.fromEntries(MESSAGING_SERVICE_TYPES.map((type) => [type, incomingAuthenticationMode(type)]))).toEqual(
      {
        facebook: "none",
        sap365: "external_user",
        twilio: "external_user",
        social365: "external_user",
        c4semail: "none",
        sinchconversation: "signature",
        sinchsms: "external_user",
        wavy: "external_user",
      },
    );
  });
});
