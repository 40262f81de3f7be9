import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { sortColumn, textContains, ZListParams } from "../list/params";
import { restoreRevision } from "../revisions/service";
import { scopeOf, scopeWhere } from "../rights/can";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, makeSmsChannel, tableCounts, uniqueName } from "../testing/factories";
import { adminAndViewer, expectSamePages, prismaPage } from "../testing/same-pages";
import { checkSmsKeystore } from "./keystore";
import { ZCreateSmsChannelRequest, ZUpdateSmsChannelRequest } from "./schemas";
import { openChannelSecret } from "./secret";
import {
  CHANNEL_SORTS,
  channelListRow,
  countRestartPending,
  createSmsChannel,
  deleteSmsChannel,
  getSmsChannel,
  listSmsChannels,
  markSmsDriverRestarted,
  type TSmsChannelListFilter,
  updateSmsChannel,
} from "./service";

const channelName = () => uniqueName("chan").replace(/[^A-Za-z0-9_-]/g, "_");
const list = (actor: Actor, filter: Partial<TSmsChannelListFilter> = {}) =>
  listSmsChannels(actor, { ...ZListParams.parse({}), ...filter });

const create = (actor: Actor, fields: Record<string, unknown>) =>
  createSmsChannel(actor, ZCreateSmsChannelRequest.parse({ name: channelName(), ...fields }));

const MUTUAL = {
  options: { "x-smpp-tls-mode": "mutual", "x-smpp-tls-path-to-certificate": "/opt/genesys/sms/driver.p12" },
  secrets: {
    "x-smpp-tls-certificate-file-password": { action: "replace", value: "file-secret-123" },
    "x-smpp-tls-certificate-password": { action: "replace", value: "key-secret-456" },
  },
};

const stored = (id: string) => db().smsChannel.findUniqueOrThrow({ where: { id }, omit: { secretsSealed: false } });

describe("SMS channels", () => {
  it("creates a mutual TLS channel with its secrets sealed, shown only as set, and audited without them", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await create(admin, MUTUAL);
    const row = await stored(channel.id);
    const sealed = row.secretsSealed as Record<string, string>;
    expect(Object.keys(sealed).sort()).toEqual([
      "x-smpp-tls-certificate-file-password",
      "x-smpp-tls-certificate-password",
    ]);
    expect(
      openChannelSecret(channel.id, "x-smpp-tls-certificate-password", sealed["x-smpp-tls-certificate-password"] ?? ""),
    ).toBe("key-secret-456");
    // Bound to its option: a sealed value moved to another option does not open.
    expect(() =>
      openChannelSecret(
        channel.id,
        "x-smpp-tls-certificate-file-password",
        sealed["x-smpp-tls-certificate-password"] ?? "",
      ),
    ).toThrow();
    const detail = await getSmsChannel(admin, channel.id);
    expect(detail.secretsSet).toEqual({
      password: false,
      "x-smpp-tls-certificate-file-password": true,
      "x-smpp-tls-certificate-password": true,
    });
    expect(JSON.stringify(detail)).not.toContain("key-secret-456");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { objectId: channel.id, action: "create" } });
    expect(audit.changes).toMatchObject({
      "x-smpp-tls-mode": { from: null, to: "mutual" },
      "x-smpp-tls-certificate-password": "set",
    });
    expect(JSON.stringify(audit.changes)).not.toContain("key-secret");
    expect(JSON.stringify(audit.changes)).not.toContain(sealed["x-smpp-tls-certificate-password"]);
  });

  it("refuses mutual without stored passwords, checked against what is stored, and writes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await create(admin, MUTUAL);
    // Clearing one is refused by the schema already (the form knows it will not be set).
    const cleared = ZUpdateSmsChannelRequest.safeParse({
      id: channel.id,
      version: channel.version,
      name: channel.name,
      options: MUTUAL.options,
      secrets: { "x-smpp-tls-certificate-password": { action: "clear" } },
    });
    expect(cleared.error?.issues.map((i) => i.path.join("."))).toEqual(["secrets.x-smpp-tls-certificate-password"]);
    // A kept secret that was never stored is not set: the schema could not know, the service does.
    const plain = await create(admin, {});
    const before = await tableCounts();
    const refused = await appError(
      updateSmsChannel(
        admin,
        ZUpdateSmsChannelRequest.parse({ id: plain.id, version: 1, name: plain.name, options: MUTUAL.options }),
      ),
    );
    expect(refused.fieldErrors).toEqual({
      "secrets.x-smpp-tls-certificate-file-password": ["Mutual mode needs the password to access the PKCS#12 file."],
      "secrets.x-smpp-tls-certificate-password": [
        "Mutual mode needs the password of the certificate in the PKCS#12 file.",
      ],
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("keeps names unique regardless of case and refuses a stale version", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await create(admin, {});
    const error = await appError(
      createSmsChannel(admin, ZCreateSmsChannelRequest.parse({ name: channel.name.toUpperCase() })),
    );
    expect(error.fieldErrors).toEqual({ name: ["An SMS channel with this name exists already."] });
    const update = { id: channel.id, name: channel.name, options: { "x-smpp-submit-max-rate": "50" } };
    await updateSmsChannel(admin, ZUpdateSmsChannelRequest.parse({ ...update, version: 1 }));
    expect(
      (await appError(updateSmsChannel(admin, ZUpdateSmsChannelRequest.parse({ ...update, version: 1 })))).code,
    ).toBe("stale");
  });

  it("tracks after-restart changes since the driver was last marked restarted", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await create(admin, { options: { "x-smpp-submit-max-rate": "20" } });
    expect((await getSmsChannel(admin, channel.id)).restart).toMatchObject({ pending: true, restartedAt: null });
    const marked = await markSmsDriverRestarted(admin, { id: channel.id, version: channel.version });
    let detail = await getSmsChannel(admin, channel.id);
    expect(detail.restart).toMatchObject({ pending: false, changes: [] });
    expect(detail.version).toBe(marked.version);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { objectId: channel.id, action: "mark_restarted" } });
    expect(audit.detail).toBe("Driver restarted; it now runs with x-smpp-submit-max-rate as saved.");

    await updateSmsChannel(
      admin,
      ZUpdateSmsChannelRequest.parse({
        id: channel.id,
        version: detail.version,
        name: channel.name,
        options: { "x-smpp-submit-max-rate": "40", "x-smpp-tls-mode": "single" },
        secrets: { password: { action: "replace", value: "pw123" } },
      }),
    );
    detail = await getSmsChannel(admin, channel.id);
    expect(detail.restart.pending).toBe(true);
    expect(detail.restart.changes).toEqual([
      { option: "password", secret: true, from: null, to: null, secretChange: "set" },
      { option: "x-smpp-submit-max-rate", secret: false, from: "20", to: "40" },
      { option: "x-smpp-tls-mode", secret: false, from: null, to: "single" },
    ]);
    expect((await list(admin, { restart: "pending", q: channel.name })).rows.map((r) => r.id)).toEqual([channel.id]);

    // Changing back to what the driver runs with is nothing to restart for.
    await updateSmsChannel(
      admin,
      ZUpdateSmsChannelRequest.parse({
        id: channel.id,
        version: detail.version,
        name: channel.name,
        options: { "x-smpp-submit-max-rate": "20" },
        secrets: { password: { action: "clear" } },
      }),
    );
    detail = await getSmsChannel(admin, channel.id);
    expect(detail.restart).toMatchObject({ pending: false, changes: [] });
    expect((await list(admin, { restart: "pending", q: channel.name })).rows).toEqual([]);
  });

  it("refuses to mark restarted against a version that moved on, or without the modify right", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await create(admin, {});
    await updateSmsChannel(admin, ZUpdateSmsChannelRequest.parse({ id: channel.id, version: 1, name: channel.name }));
    expect((await appError(markSmsDriverRestarted(admin, { id: channel.id, version: 1 }))).code).toBe("stale");
    const viewer = await actorWithRights([{ objectType: "sms_channel", access: "view" }]);
    const refused = await appError(markSmsDriverRestarted(viewer, { id: channel.id, version: 2 }));
    expect(refused.code).toBe("forbidden");
    expect((await getSmsChannel(admin, channel.id)).restart.pending).toBe(true);
  });

  it("limits every right to the channels it names: 404 for a channel hidden, 403 for one seen; all audited", async () => {
    const admin = await bootstrapAdministrator();
    const mine = await create(admin, {});
    const other = await create(admin, {});
    const operator = await actorWithRights([
      { objectType: "sms_channel", access: "view", objectId: mine.id },
      { objectType: "sms_channel", access: "modify", objectId: mine.id },
    ]);
    const rows = (await list(operator)).rows.map((r) => r.id);
    expect(rows).toEqual([mine.id]);
    expect((await appError(getSmsChannel(operator, other.id))).code).toBe("not_found");
    const update = (c: typeof mine) =>
      updateSmsChannel(operator, ZUpdateSmsChannelRequest.parse({ id: c.id, version: 1, name: c.name }));
    expect((await update(mine)).version).toBe(2);
    expect((await appError(update(other))).code).toBe("not_found");
    expect((await appError(deleteSmsChannel(operator, { id: mine.id, version: 2 }))).code).toBe("forbidden");
    expect((await appError(deleteSmsChannel(operator, { id: other.id, version: 1 }))).code).toBe("not_found");
    expect((await appError(markSmsDriverRestarted(operator, { id: other.id, version: 1 }))).code).toBe("not_found");
    expect((await appError(checkSmsKeystore(operator, other.id))).code).toBe("not_found");
    expect((await appError(create(operator, {}))).code).toBe("forbidden");
    const refusals = await db().auditEvent.findMany({
      where: { actorId: operator.id, outcome: "refused", objectType: "sms_channel" },
    });
    expect(refusals.map((r) => [r.objectId, r.action]).sort()).toEqual(
      [
        [other.id, "view"],
        [other.id, "modify"],
        [mine.id, "delete"],
        [other.id, "delete"],
        [other.id, "modify"],
        [other.id, "view"],
        [null, "create"],
      ].sort(),
    );
    const refusal = await db().auditEvent.findFirstOrThrow({
      where: { objectId: other.id, outcome: "refused", action: "modify" },
    });
    expect(refusal.objectName).toBe(other.name);
    expect(await countRestartPending(operator)).toBe(1);
    const nobody = await actorWithRights([{ objectType: "user", access: "view" }]);
    expect(await countRestartPending(nobody)).toBeNull();
    expect((await appError(list(nobody))).code).toBe("forbidden");
  });

  it("deletes a channel and restores it from history with its sealed secrets", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await create(admin, MUTUAL);
    const sealedBefore = (await stored(channel.id)).secretsSealed;
    await deleteSmsChannel(admin, { id: channel.id, version: 1 });
    expect(await db().smsChannel.findUnique({ where: { id: channel.id } })).toBeNull();
    const revision = await db().revision.findFirstOrThrow({
      where: { objectType: "sms_channel", objectId: channel.id, action: "create" },
    });
    await restoreRevision(admin, revision.id, 0);
    const restored = await stored(channel.id);
    expect(restored.secretsSealed).toEqual(sealedBefore);
    expect(restored.options).toEqual(MUTUAL.options);
    expect(restored.version).toBe(2);
  });

  it("stores a factory channel that the list finds", async () => {
    const admin = await bootstrapAdministrator();
    const made = await makeSmsChannel({ options: { "x-smpp-tls-mode": "single" } });
    const [row] = (await list(admin, { q: made.name })).rows;
    expect(row).toMatchObject({
      id: made.id,
      section: `channel-${made.name}`,
      tlsMode: "single",
      restartPending: true,
    });
  });
});

/** The channels list as Prisma's client reads it: the reference the SQL read must match. */
async function prismaChannelsPage(actor: Actor, partial: Partial<TSmsChannelListFilter>) {
  const filter = { ...ZListParams.parse({}), ...partial };
  const where = {
    AND: [
      scopeWhere(scopeOf(actor.rights, "sms_channel", "view")),
      filter.restart === "pending" ? { restartPending: true } : {},
      filter.q ? { name: textContains(filter.q) } : {},
    ],
  };
  const page = await prismaPage(filter, sortColumn(filter.sort, CHANNEL_SORTS, "name"), {
    findMany: (args) => db().smsChannel.findMany({ where, ...args }),
    count: () => db().smsChannel.count({ where }),
  });
  return { ...page, rows: page.rows.map(channelListRow) };
}

describe("the SMS channels list, read in SQL", () => {
  it("reads the same pages as Prisma's client: every column, order, scoping and total", async () => {
    const tag = channelName();
    const channels = [];
    for (let i = 0; i < 30; i++) {
      const channel = await makeSmsChannel({
        name: `${tag}_${String((i * 7) % 30).padStart(2, "0")}`,
        options: i % 3 ? { "x-smpp-tls-mode": i % 3 === 1 ? "mutual" : "server", "x-smpp-port": "2775" } : {},
      });
      if (i % 4) await db().smsChannel.update({ where: { id: channel.id }, data: { restartPending: false } });
      channels.push(channel);
    }
    const requests: Partial<TSmsChannelListFilter>[] = [
      {},
      { q: tag.toUpperCase(), sort: "updatedAt", dir: "desc", page: 2 },
      { q: tag, restart: "pending", sort: "name", dir: "desc" },
      { q: `${tag}_1` },
    ];
    await expectSamePages(list, prismaChannelsPage, await adminAndViewer("sms_channel", channels), requests);
  });
});
