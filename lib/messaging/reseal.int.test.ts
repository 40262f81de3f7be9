import { randomBytes, randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { seal } from "../crypto/seal";
import { db } from "../db";
import { openCredentialSecret } from "./credential-secret";
import { resealCredentialSecrets } from "./reseal";

const saved = { ...process.env };
afterEach(() => {
  // Assigning undefined to process.env would store the text "undefined": unset instead.
  for (const name of ["SWITCHBOARD_SECRET_KEY", "SWITCHBOARD_SECRET_KEY_PREVIOUS"] as const) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("resealCredentialSecrets", () => {
  it("moves secrets sealed with a previous key to the current one, keeping their values", async () => {
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    process.env.SWITCHBOARD_SECRET_KEY = oldKey;
    const credentialId = randomUUID();
    await db().messagingService.create({
      data: {
        name: `reseal ${credentialId}`,
        nameKey: `reseal ${credentialId}`,
        type: "twilio",
        serviceConnection: "https://api.example.com",
        credentials: {
          create: {
            id: credentialId,
            authId: "AC1",
            secretSealed: seal("the secret", `messaging-credential:${credentialId}`),
          },
        },
      },
    });

    process.env.SWITCHBOARD_SECRET_KEY = newKey;
    process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS = oldKey;
    const auditBefore = new Set((await db().auditEvent.findMany({ select: { id: true } })).map((row) => row.id));
    const first = await resealCredentialSecrets();
    expect(first.resealed).toBe(1);
    const second = await resealCredentialSecrets();
    expect(second.resealed).toBe(0);

    // Each run leaves one row in the audit trail, naming the command and what it did; never a secret.
    const audit = await db().auditEvent.findMany({
      where: { id: { notIn: [...auditBefore] } },
      orderBy: { at: "asc" },
    });
    expect(
      audit.map((row) => [row.action, row.objectType, row.actorId, row.actorName, row.outcome, row.detail]),
    ).toEqual([
      [
        "reseal",
        "messaging_service",
        null,
        "secrets:reseal (command line)",
        "success",
        `1 of ${first.checked} stored secrets sealed again under the current key`,
      ],
      [
        "reseal",
        "messaging_service",
        null,
        "secrets:reseal (command line)",
        "success",
        `0 of ${second.checked} stored secrets sealed again under the current key`,
      ],
    ]);
    expect(JSON.stringify(audit)).not.toContain("the secret");

    process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS = "";
    const row = await db().messagingCredential.findUniqueOrThrow({
      where: { id: credentialId },
      omit: { secretSealed: false },
    });
    expect(openCredentialSecret(credentialId, row.secretSealed ?? "")).toBe("the secret");
  });
});
