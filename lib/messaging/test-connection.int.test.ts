// The connection test reaches loopback and private addresses only once an administrator allowed them
// in Settings; until then it refuses after resolving, says why, and opens no connection.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { updateSetting, ZUpdateSettingRequest } from "../settings/service";
import { bootstrapAdministrator } from "../testing/factories";
import { createServiceRequest } from "../testing/messaging-requests";
import { createMessagingService } from "./service";
import { testServiceConnection } from "./test-connection";

let server: net.Server;
let port: number;
let connections = 0;

beforeAll(async () => {
  // Accepts and closes at once: enough to tell whether the probe connected at all.
  server = net.createServer((socket) => socket.destroy());
  server.on("connection", () => {
    connections += 1;
  });
  port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(async () => {
  await db().setting.deleteMany({ where: { key: "allowedInternalHosts" } });
});

describe("testServiceConnection and the allowed internal hosts", () => {
  it("refuses a loopback server by default and reaches it once an administrator allowed it", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(
      admin,
      createServiceRequest("twilio", { serviceConnection: `https://127.0.0.1:${port}/send` }),
    );
    const before = connections;

    const refused = await testServiceConnection(admin, { id: service.id });

    expect(refused.ok).toBe(false);
    expect(refused.steps.map((step) => [step.step, step.ok, step.detail])).toEqual([
      [
        "dns",
        false,
        "Refused: 127.0.0.1 is a loopback address; an administrator can allow internal hosts in Settings.",
      ],
    ]);
    expect(connections).toBe(before);

    await updateSetting(
      admin,
      ZUpdateSettingRequest.parse({ key: "allowedInternalHosts", value: ["127.0.0.0/8"], version: 0 }),
    );
    const reached = await testServiceConnection(admin, { id: service.id });

    expect(reached.steps.slice(0, 2).map((step) => [step.step, step.ok])).toEqual([
      ["dns", true],
      ["tcp", true],
    ]);
    expect(reached.address).toBe("127.0.0.1");
    expect(connections).toBe(before + 1);

    const audit = await db().auditEvent.findMany({
      where: { objectId: service.id, action: "test_connection" },
      orderBy: { at: "asc" },
    });
    expect(audit.map((row) => row.detail?.replace(/\d+ ms/, "n ms"))).toEqual([
      "Not tested: the address may not be reached",
      "Failed at tls in n ms",
    ]);
  });

  it("refuses a private address that only another range allows", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(
      admin,
      createServiceRequest("twilio", { serviceConnection: "https://10.0.0.5/send" }),
    );
    await updateSetting(
      admin,
      ZUpdateSettingRequest.parse({ key: "allowedInternalHosts", value: ["10.1.0.0/16"], version: 0 }),
    );

    const report = await testServiceConnection(admin, { id: service.id });

    expect(report.steps.map((step) => step.detail)).toEqual([
      "Refused: 10.0.0.5 is a private address; an administrator can allow internal hosts in Settings.",
    ]);
  });
});
