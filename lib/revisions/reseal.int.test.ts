import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { openCredentialSecret } from "../messaging/credential-secret";
import { resealCredentialSecrets } from "../messaging/reseal";
import { createMessagingService, deleteMessagingService } from "../messaging/service";
import { bootstrapAdministrator } from "../testing/factories";
import { createServiceRequest, storedCredentials } from "../testing/messaging-requests";
import { restoreRevision } from "./service";

// Its own file, so that its database holds no secret sealed under another test's keys.
const saved = { ...process.env };
afterEach(() => {
  for (const name of ["SWITCHBOARD_SECRET_KEY", "SWITCHBOARD_SECRET_KEY_PREVIOUS"] as const) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("resealCredentialSecrets and revisions", () => {
  it("moves the secrets revisions hold to the current key, so a restore after the rotation still opens", async () => {
    const oldKey = randomBytes(32).toString("base64");
    process.env.SWITCHBOARD_SECRET_KEY = oldKey;
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(
      admin,
      createServiceRequest("sinchsms", { entries: [{ authId: "sinch-user", secret: "kept secret" }] }),
    );
    await deleteMessagingService(admin, { id: service.id, version: service.version });

    process.env.SWITCHBOARD_SECRET_KEY = randomBytes(32).toString("base64");
    process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS = oldKey;
    expect((await resealCredentialSecrets()).inRevisions).toBe(2);

    // The old key is retired: the restored secret must open with the current one alone.
    process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS = "";
    const deleted = await db().revision.findFirstOrThrow({ where: { objectId: service.id, action: "delete" } });
    await restoreRevision(admin, deleted.id, 0);
    const [credential] = await storedCredentials(service.id);
    expect(openCredentialSecret(credential?.id ?? "", credential?.secretSealed ?? "")).toBe("kept secret");
  });
});
