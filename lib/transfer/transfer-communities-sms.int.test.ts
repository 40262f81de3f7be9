// Communities and SMS channels through lib/transfer: exported without secrets (an RSA public key is no
// secret), imported back unchanged, created and updated through their services (a new HMAC key or a set
// secret option needs its value), dry runs that write nothing, and a failure that rolls everything back.
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openJwtSecret } from "../communities/key-secret";
import {
  addJwtKey,
  createCommunity,
  REQUIRE_NEEDS_KEY,
  updateCommunity,
  updateExtraValues,
} from "../communities/service";
import { db } from "../db";
import { ZCreateSmsChannelRequest } from "../sms/schemas";
import { openChannelSecret } from "../sms/secret";
import { createSmsChannel } from "../sms/service";
import { bootstrapAdministrator, tableCounts, uniqueName } from "../testing/factories";
import { NEEDS_SECRET } from "./area";
import { exportDocument } from "./export";
import { applyImport, planImport, type TImportReport } from "./import";

const doc = (areas: Record<string, unknown[]>) => ({ format: "switchboard-export", version: 1, areas });
const byKey = (report: TImportReport, key: string) => report.records.find((r) => r.key === key);
const HMAC = "0123456789abcdef01234567";
const rsaPem = () =>
  generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
const channelName = () => uniqueName("chan").replace(/[^A-Za-z0-9_-]/g, "_");

async function fullCommunity() {
  const admin = await bootstrapAdministrator();
  const community = await createCommunity(admin, { name: uniqueName("Web chat"), signedIdentities: "reject" });
  await addJwtKey(admin, { communityId: community.id, version: 1, keyId: "web_hmac", kind: "hmac", secret: HMAC });
  const pem = rsaPem();
  await addJwtKey(admin, { communityId: community.id, version: 2, keyId: "web_rsa", kind: "rsa", publicKey: pem });
  await updateExtraValues(admin, {
    communityId: community.id,
    version: 3,
    customFields: [
      {
        label: "Loyalty tier",
        key: "tier",
        associatedType: "identity",
        type: "single_choice",
        choices: ["gold", "silver"],
        usedForIdentityMerge: false,
        regex: null,
      },
    ],
    mappings: [{ source: "extra_value", extraValueKey: "tier", destination: "custom:tier" }],
  });
  await updateCommunity(admin, { id: community.id, version: 4, name: community.name, signedIdentities: "require" });
  return { admin, community, pem };
}

const MUTUAL = {
  options: { "x-smpp-tls-mode": "mutual", "x-smpp-tls-path-to-certificate": "/opt/genesys/sms/driver.p12" },
  secrets: {
    "x-smpp-tls-certificate-file-password": { action: "replace", value: "file-secret-123" },
    "x-smpp-tls-certificate-password": { action: "replace", value: "key-secret-456" },
  },
};

describe("communities in an import", () => {
  it("exports keys without HMAC secrets (RSA public keys included) and imports back unchanged", async () => {
    const { admin, community, pem } = await fullCommunity();
    const selection = { areas: ["communities"], keys: { communities: [community.name] } };
    const document = await exportDocument(admin, selection);
    const [exported] = document.areas.communities ?? [];
    expect(exported).toMatchObject({
      name: community.name,
      signedIdentities: "require",
      customFields: [{ key: "tier", choices: ["gold", "silver"] }],
      extraValueMappings: [{ source: "extra_value", extraValueKey: "tier", destination: "custom:tier" }],
      jwtKeys: [
        { keyId: "web_hmac", kind: "hmac" },
        { keyId: "web_rsa", kind: "rsa", publicKey: pem },
      ],
    });
    expect(JSON.stringify(document)).not.toContain(HMAC);
    const before = await tableCounts();
    const applied = await applyImport(admin, document, "fail");
    expect(applied.records.map((r) => r.action)).toEqual(["unchanged"]);
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
  });

  it("creates one in a dry run that writes nothing, needs the HMAC secret, then applies it with Require", async () => {
    const { admin, community, pem } = await fullCommunity();
    const [exported] =
      (await exportDocument(admin, { areas: ["communities"], keys: { communities: [community.name] } })).areas
        .communities ?? [];
    const name = uniqueName("Copy");
    const before = await tableCounts();
    const missing = await planImport(admin, doc({ communities: [{ ...exported, name }] }), "fail");
    expect(byKey(missing, name)).toMatchObject({
      action: "error",
      fieldErrors: { "jwtKeys.0.secret": [NEEDS_SECRET] },
    });
    const withSecret = doc({
      communities: [
        {
          ...exported,
          name,
          jwtKeys: [
            { keyId: "web_hmac", kind: "hmac", secret: HMAC },
            { keyId: "web_rsa", kind: "rsa", publicKey: pem },
          ],
        },
      ],
    });
    const plan = await planImport(admin, withSecret, "fail");
    expect(byKey(plan, name)).toMatchObject({
      action: "create",
      changes: { signedIdentities: { from: null, to: "require" }, jwtKeys: { from: null } },
    });
    expect(JSON.stringify(plan)).not.toContain(HMAC);
    expect(await tableCounts()).toEqual(before);

    expect((await applyImport(admin, withSecret, "fail")).applied).toBe(true);
    const row = await db().community.findUniqueOrThrow({
      where: { nameKey: name.toLowerCase() },
      include: { jwtKeys: { omit: { secretSealed: false }, orderBy: { createdAt: "asc" } } },
    });
    expect(row.signedIdentities).toBe("require");
    const [hmac, rsa] = row.jwtKeys;
    expect(openJwtSecret(hmac?.id ?? "", hmac?.secretSealed ?? "")).toBe(HMAC);
    expect(rsa?.publicKeyPem).toBe(pem);
    const again = await planImport(
      admin,
      await exportDocument(admin, { areas: ["communities"], keys: { communities: [name] } }),
      "fail",
    );
    expect(again.records.map((r) => r.action)).toEqual(["unchanged"]);
  });

  it("updates mode, extra values and keys through the services (overwrite), and refuses a replaced key", async () => {
    const { admin, community } = await fullCommunity();
    const [exported] =
      (await exportDocument(admin, { areas: ["communities"], keys: { communities: [community.name] } })).areas
        .communities ?? [];
    const changed = {
      ...exported,
      signedIdentities: "accept",
      customFields: [],
      extraValueMappings: [],
      jwtKeys: [{ keyId: "web_hmac", kind: "hmac" }],
    };
    const skipped = await applyImport(admin, doc({ communities: [changed] }), "skip");
    expect(byKey(skipped, community.name)?.action).toBe("conflict");
    const applied = await applyImport(admin, doc({ communities: [changed] }), "overwrite");
    expect(byKey(applied, community.name)).toMatchObject({
      action: "update",
      changes: {
        signedIdentities: { from: "require", to: "accept" },
        jwtKeys: { from: null, to: { web_rsa: "removed" } },
      },
    });
    const row = await db().community.findUniqueOrThrow({ where: { id: community.id }, include: { jwtKeys: true } });
    expect([row.signedIdentities, row.jwtKeys.map((k) => k.keyId), row.customFields]).toEqual([
      "accept",
      ["web_hmac"],
      [],
    ]);
    const audit = await db().auditEvent.count({ where: { objectId: community.id, action: "modify" } });
    expect(audit).toBe(4 + 3); // the setup's four, then the form, extra values and the key removal

    const replaced = await planImport(
      admin,
      doc({ communities: [{ ...changed, jwtKeys: [{ keyId: "web_hmac", kind: "rsa", publicKey: rsaPem() }] }] }),
      "overwrite",
    );
    expect(byKey(replaced, community.name)?.fieldErrors?.["jwtKeys.0"]?.[0]).toContain("Rotate");
  });

  it("writes nothing when one record fails (Require without a key) after others succeeded", async () => {
    const admin = await bootstrapAdministrator();
    const good = uniqueName("Good");
    const bad = uniqueName("Bad");
    const before = await tableCounts();
    const report = await applyImport(
      admin,
      doc({ communities: [{ name: good }, { name: bad, signedIdentities: "require" }] }),
      "fail",
    );
    expect(report.applied).toBe(false);
    expect(byKey(report, good)?.action).toBe("create");
    expect(byKey(report, bad)).toMatchObject({
      action: "error",
      fieldErrors: { signedIdentities: [REQUIRE_NEEDS_KEY] },
    });
    expect(await tableCounts()).toEqual(before);
  });
});

describe("SMS channels in an import", () => {
  it("exports which secrets are set without their values, and imports back unchanged (secrets kept)", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await createSmsChannel(admin, ZCreateSmsChannelRequest.parse({ name: channelName(), ...MUTUAL }));
    const document = await exportDocument(admin, { areas: ["smsChannels"], keys: { smsChannels: [channel.name] } });
    expect(document.areas.smsChannels).toEqual([
      {
        name: channel.name,
        options: MUTUAL.options,
        secretsSet: ["x-smpp-tls-certificate-file-password", "x-smpp-tls-certificate-password"],
      },
    ]);
    expect(JSON.stringify(document)).not.toMatch(/file-secret|key-secret/);
    const before = await tableCounts();
    const applied = await applyImport(admin, document, "fail");
    expect(applied.records.map((r) => r.action)).toEqual(["unchanged"]);
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
  });

  it("creates a channel only with the secrets it names, checks options per record, and rolls back on failure", async () => {
    const admin = await bootstrapAdministrator();
    const name = channelName();
    const record = {
      name,
      options: MUTUAL.options,
      secretsSet: ["x-smpp-tls-certificate-file-password", "x-smpp-tls-certificate-password"],
    };
    const before = await tableCounts();
    const missing = await planImport(admin, doc({ smsChannels: [record] }), "fail");
    expect(byKey(missing, name)?.fieldErrors).toEqual({
      "secrets.x-smpp-tls-certificate-file-password": [NEEDS_SECRET],
      "secrets.x-smpp-tls-certificate-password": [NEEDS_SECRET],
    });
    const wrong = channelName();
    const complete = {
      ...record,
      secrets: {
        "x-smpp-tls-certificate-file-password": "file-secret-123",
        "x-smpp-tls-certificate-password": "key-secret-456",
      },
    };
    const failing = await applyImport(
      admin,
      doc({
        smsChannels: [complete, { name: wrong, options: { "x-smpp-submit-window-size": "5000", "x-smpp-speed": "9" } }],
      }),
      "fail",
    );
    expect(byKey(failing, name)?.action).toBe("create");
    expect(byKey(failing, wrong)).toMatchObject({
      action: "error",
      fieldErrors: {
        "options.x-smpp-speed": [expect.stringContaining("Unknown option x-smpp-speed")],
        "options.x-smpp-submit-window-size": [
          expect.stringContaining("x-smpp-submit-window-size: Enter a number 1 to 1000"),
        ],
      },
    });
    expect(JSON.stringify(failing)).not.toMatch(/file-secret|key-secret/);
    expect(await tableCounts()).toEqual(before);

    expect((await applyImport(admin, doc({ smsChannels: [complete] }), "fail")).applied).toBe(true);
    const row = await db().smsChannel.findUniqueOrThrow({
      where: { nameKey: name.toLowerCase() },
      omit: { secretsSealed: false },
    });
    const sealed = row.secretsSealed as Record<string, string>;
    expect(
      openChannelSecret(row.id, "x-smpp-tls-certificate-password", sealed["x-smpp-tls-certificate-password"] ?? ""),
    ).toBe("key-secret-456");

    // An update that leaves the secrets out keeps them (and the TLS rules, checked by the service, pass).
    const update = await applyImport(
      admin,
      doc({ smsChannels: [{ name, options: { ...MUTUAL.options, "reconnection-timeout": "60" } }] }),
      "overwrite",
    );
    expect(byKey(update, name)).toMatchObject({
      action: "update",
      changes: { "reconnection-timeout": { from: null, to: "60" } },
    });
    const after = await db().smsChannel.findUniqueOrThrow({ where: { id: row.id }, omit: { secretsSealed: false } });
    expect([after.version, after.secretsSealed]).toEqual([row.version + 1, row.secretsSealed]);
    expect(await db().revision.count({ where: { objectId: row.id } })).toBe(2);
  });
});
