import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as checkRoute, POST as uploadRoute } from "@/app/api/v1/sms-channels/[id]/keystore/route";
import { db } from "../db";
import { callApi, tokenFor } from "../testing/api-requests";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, makeActor, uniqueName } from "../testing/factories";
import { makePkcs12Fixtures } from "../testing/pkcs12-fixtures";
import { checkSmsKeystore, uploadSmsKeystore } from "./keystore";
import { ZCreateSmsChannelRequest, ZUpdateSmsChannelRequest } from "./schemas";
import { createSmsChannel, updateSmsChannel } from "./service";

let fixtures: ReturnType<typeof makePkcs12Fixtures>;
beforeAll(() => {
  fixtures = makePkcs12Fixtures();
});
afterAll(() => fixtures?.cleanup());

const channelName = () => uniqueName("ks").replace(/[^A-Za-z0-9_-]/g, "_");
const secrets = (file: string, key: string) => ({
  "x-smpp-tls-certificate-file-password": { action: "replace", value: file },
  "x-smpp-tls-certificate-password": { action: "replace", value: key },
});
const mutual = { "x-smpp-tls-mode": "mutual", "x-smpp-tls-path-to-certificate": "/opt/sms/driver.p12" };

describe("the channel's PKCS#12 file", () => {
  it("is kept sealed, checked with the stored passwords, and never sent back", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await createSmsChannel(
      admin,
      ZCreateSmsChannelRequest.parse({
        name: channelName(),
        options: mutual,
        secrets: secrets("store-pass", "key-pass"),
      }),
    );
    expect(await checkSmsKeystore(admin, channel.id)).toBeNull();
    const content = fixtures.files.twopass.toString("base64");
    await uploadSmsKeystore(admin, { id: channel.id, fileName: "driver.p12", content });
    const stored = await db().smsChannel.findUniqueOrThrow({
      where: { id: channel.id },
      omit: { keystoreSealed: false },
    });
    expect(stored.keystoreSealed).not.toContain(content.slice(0, 40));
    const report = await checkSmsKeystore(admin, channel.id);
    expect(report).toMatchObject({ opened: true, hasPrivateKey: true });
    expect(report?.findings[0]?.level).toBe("ok");
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { objectId: channel.id, action: "upload_keystore" },
    });
    expect(audit.detail).toBe(`PKCS#12 file driver.p12 (${fixtures.files.twopass.length} bytes) uploaded to check it.`);

    // A wrong key password saved: the check says what the driver would log.
    await updateSmsChannel(
      admin,
      ZUpdateSmsChannelRequest.parse({
        id: channel.id,
        version: 1,
        name: channel.name,
        options: mutual,
        secrets: { "x-smpp-tls-certificate-password": { action: "replace", value: "wrong" } },
      }),
    );
    expect((await checkSmsKeystore(admin, channel.id))?.findings[0]?.message).toMatch(/^Get Key failed/);

    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const checked = await callApi("GET", `/sms-channels/${channel.id}/keystore`, checkRoute, {
      token,
      params: { id: channel.id },
    });
    expect(checked.status).toBe(200);
    expect(checked.json.uploaded).toBe(true);
    const text = JSON.stringify(checked.json);
    for (const secret of ['"store-pass"', '"key-pass"', '"wrong"', content.slice(0, 40)])
      expect(text).not.toContain(secret);
  });

  it("refuses mutual on save when the uploaded file holds no private key", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await createSmsChannel(
      admin,
      ZCreateSmsChannelRequest.parse({
        name: channelName(),
        options: { "x-smpp-tls-mode": "single", "x-smpp-tls-path-to-certificate": "/opt/sms/smsc.p12" },
        secrets: secrets("store-pass", "store-pass"),
      }),
    );
    await uploadSmsKeystore(admin, {
      id: channel.id,
      fileName: "smsc.p12",
      content: fixtures.files.nokey.toString("base64"),
    });
    const error = await appError(
      updateSmsChannel(
        admin,
        ZUpdateSmsChannelRequest.parse({ id: channel.id, version: 1, name: channel.name, options: mutual }),
      ),
    );
    expect(error.fieldErrors["options.x-smpp-tls-path-to-certificate"]?.[0]).toMatch(
      /^The uploaded PKCS#12 file holds no private key/,
    );
  });

  it("refuses an upload that is not DER, too large, or by someone without modify", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await createSmsChannel(admin, ZCreateSmsChannelRequest.parse({ name: channelName() }));
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const notDer = await callApi("POST", `/sms-channels/${channel.id}/keystore`, uploadRoute, {
      token,
      params: { id: channel.id },
      body: { fileName: "x.p12", content: Buffer.from("hello").toString("base64") },
    });
    expect(notDer.status).toBe(400);
    expect(notDer.json.errors).toEqual({ content: ["This file is not a PKCS#12 file (it is not DER-encoded)."] });
    const big = await callApi("POST", `/sms-channels/${channel.id}/keystore`, uploadRoute, {
      token,
      params: { id: channel.id },
      body: { fileName: "x.p12", content: Buffer.alloc(70 * 1024).toString("base64") },
    });
    expect(big.status).toBe(400);
    const viewer = await actorWithRights([{ objectType: "sms_channel", access: "view" }]);
    const refused = await appError(
      uploadSmsKeystore(viewer, { id: channel.id, fileName: "x.p12", content: fixtures.files.good.toString("base64") }),
    );
    expect(refused.code).toBe("forbidden");
  });
});
