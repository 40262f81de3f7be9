import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { bootstrapAdministrator, uniqueName } from "../testing/factories";
import { checkSmsKeystore, uploadSmsKeystore } from "./keystore";
import { resealSmsChannelSecrets } from "./reseal";
import { ZCreateSmsChannelRequest } from "./schemas";
import { openChannelSecret } from "./secret";
import { createSmsChannel, getSmsChannel, markSmsDriverRestarted } from "./service";

const saved = { ...process.env };
afterEach(() => {
  for (const name of ["SWITCHBOARD_SECRET_KEY", "SWITCHBOARD_SECRET_KEY_PREVIOUS"] as const) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("resealSmsChannelSecrets", () => {
  it("moves secrets, the uploaded file and the restart baseline to the current key without a pending restart", async () => {
    const oldKey = randomBytes(32).toString("base64");
    process.env.SWITCHBOARD_SECRET_KEY = oldKey;
    const admin = await bootstrapAdministrator();
    const channel = await createSmsChannel(
      admin,
      ZCreateSmsChannelRequest.parse({
        name: uniqueName("reseal").replace(/[^A-Za-z0-9_-]/g, "_"),
        secrets: { password: { action: "replace", value: "pw-1" } },
      }),
    );
    await uploadSmsKeystore(admin, {
      id: channel.id,
      fileName: "x.p12",
      content: Buffer.from([0x30, 0x00]).toString("base64"),
    });
    await markSmsDriverRestarted(admin, { id: channel.id, version: channel.version });

    process.env.SWITCHBOARD_SECRET_KEY = randomBytes(32).toString("base64");
    process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS = oldKey;
    const before = await db().smsChannel.findUniqueOrThrow({
      where: { id: channel.id },
      omit: { secretsSealed: false },
    });
    await resealSmsChannelSecrets();
    const after = await db().smsChannel.findUniqueOrThrow({
      where: { id: channel.id },
      omit: { secretsSealed: false, keystoreSealed: false },
    });
    const sealed = (after.secretsSealed as Record<string, string>).password ?? "";
    expect(sealed).not.toBe((before.secretsSealed as Record<string, string>).password);
    expect((after.restartBaseline as Record<string, string>).password).toBe(sealed);
    delete process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS;
    expect(openChannelSecret(channel.id, "password", sealed)).toBe("pw-1");
    expect((await getSmsChannel(admin, channel.id)).restart).toMatchObject({ pending: false, changes: [] });
    expect(await checkSmsKeystore(admin, channel.id)).not.toBeNull();
  });
});
