import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { sortColumn, type TListParams, textContains, ZListParams } from "../list/params";
import { restoreRevision } from "../revisions/service";
import { scopeOf, scopeWhere } from "../rights/can";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, makeCommunity, tableCounts, uniqueName } from "../testing/factories";
import { adminAndViewer, expectSamePages, prismaPage } from "../testing/same-pages";
import { testJwt } from "./jwt-tester";
import { PRIVATE_KEY_REFUSED } from "./key-material";
import { openJwtSecret } from "./key-secret";
import { previewMapping } from "./mapping-preview";
import {
  addJwtKey,
  COMMUNITY_SORTS,
  createCommunity,
  deleteCommunity,
  getCommunity,
  LAST_KEY_UNDER_REQUIRE,
  listCommunities,
  REQUIRE_NEEDS_KEY,
  removeJwtKey,
  updateCommunity,
  updateExtraValues,
} from "./service";

const SECRET = "0123456789abcdef01234567";
const rsaPem = () =>
  generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();

describe("communities", () => {
  it("creates one from a name alone (reject by default), audits it and keeps a revision", async () => {
    const admin = await bootstrapAdministrator();
    const name = uniqueName("Web chat");
    const community = await createCommunity(admin, { name, signedIdentities: "reject" });
    expect(community).toMatchObject({ name, signedIdentities: "reject", version: 1 });
    const audit = await db().auditEvent.findMany({ where: { objectId: community.id } });
    expect(audit).toMatchObject([
      { action: "create", objectType: "community", changes: { name: { from: null, to: name } } },
    ]);
    expect(await db().revision.count({ where: { objectId: community.id } })).toBe(1);
  });

  it("refuses a name taken in another case, and a stale version, writing nothing", async () => {
    const admin = await bootstrapAdministrator();
    const existing = await makeCommunity();
    const before = await tableCounts();
    const taken = await appError(
      createCommunity(admin, { name: existing.name.toUpperCase(), signedIdentities: "reject" }),
    );
    expect(taken.fieldErrors).toEqual({ name: ["A community with this name exists already."] });
    const stale = await appError(
      updateCommunity(admin, { id: existing.id, version: 2, name: "x", signedIdentities: "accept" }),
    );
    expect(stale.code).toBe("stale");
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses Require without a key, and removing the last key under Require", async () => {
    const admin = await bootstrapAdministrator();
    const community = await makeCommunity();
    const before = await tableCounts();
    const noKey = await appError(
      updateCommunity(admin, { id: community.id, version: 1, name: community.name, signedIdentities: "require" }),
    );
    expect(noKey.fieldErrors).toEqual({ signedIdentities: [REQUIRE_NEEDS_KEY] });
    expect(await tableCounts()).toEqual(before);

    await addJwtKey(admin, { communityId: community.id, version: 1, keyId: "web_1", kind: "hmac", secret: SECRET });
    const required = await updateCommunity(admin, {
      id: community.id,
      version: 2,
      name: community.name,
      signedIdentities: "require",
    });
    expect(required.signedIdentities).toBe("require");
    const last = await appError(removeJwtKey(admin, { communityId: community.id, version: 3, keyId: "web_1" }));
    expect(last.fieldErrors).toEqual({ keyId: [LAST_KEY_UNDER_REQUIRE] });
  });

  it("adds keys without replacing others, seals the HMAC secret, refuses a duplicate Key ID and a private key", async () => {
    const admin = await bootstrapAdministrator();
    const community = await makeCommunity();
    await addJwtKey(admin, { communityId: community.id, version: 1, keyId: "old", kind: "hmac", secret: SECRET });
    await addJwtKey(admin, { communityId: community.id, version: 2, keyId: "new", kind: "rsa", publicKey: rsaPem() });
    const read = await getCommunity(admin, community.id);
    expect(read.version).toBe(3);
    expect(read.jwtKeys.map((k) => [k.keyId, k.kind, k.keyBits])).toEqual([
      ["old", "hmac", null],
      ["new", "rsa", 2048],
    ]);
    expect(read.jwtKeys[0]).toMatchObject({ secret: "set", createdBy: admin.logonName, lastVerifiedAt: null });
    expect(JSON.stringify(read)).not.toContain(SECRET);
    const row = await db().communityJwtKey.findFirstOrThrow({ where: { communityId: community.id, keyId: "old" } });
    expect(row.secretSealed).not.toContain(SECRET);
    expect(openJwtSecret(row.id, row.secretSealed ?? "")).toBe(SECRET);

    const before = await tableCounts();
    const duplicate = await appError(
      addJwtKey(admin, { communityId: community.id, version: 3, keyId: "old", kind: "hmac", secret: SECRET }),
    );
    expect(Object.keys(duplicate.fieldErrors)).toEqual(["keyId"]);
    const privatePem = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    const refused = await appError(
      addJwtKey(admin, { communityId: community.id, version: 3, keyId: "priv", kind: "rsa", publicKey: privatePem }),
    );
    expect(refused.fieldErrors).toEqual({ publicKey: [PRIVATE_KEY_REFUSED] });
    expect(await tableCounts()).toEqual(before);
    const audit = await db().auditEvent.findMany({ where: { objectId: community.id }, orderBy: { at: "asc" } });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(JSON.stringify(audit)).not.toContain("PRIVATE");
    expect(audit.map((a) => a.changes)).toEqual([
      { jwtKeys: { from: null, to: { old: "added (HMAC SHA256)" } } },
      { jwtKeys: { from: null, to: { new: "added (RSA SHA256)" } } },
    ]);

    await removeJwtKey(admin, { communityId: community.id, version: 3, keyId: "old" });
    expect((await getCommunity(admin, community.id)).jwtKeys.map((k) => k.keyId)).toEqual(["new"]);
  });

  it("deletes a community with its keys, and a restore brings both back with the secret still opening", async () => {
    const admin = await bootstrapAdministrator();
    const community = await makeCommunity();
    await addJwtKey(admin, { communityId: community.id, version: 1, keyId: "web", kind: "hmac", secret: SECRET });
    const keyRow = await db().communityJwtKey.findFirstOrThrow({ where: { communityId: community.id } });
    await deleteCommunity(admin, { id: community.id, version: 2 });
    expect(await db().communityJwtKey.count({ where: { communityId: community.id } })).toBe(0);
    const revision = await db().revision.findFirstOrThrow({
      where: { objectId: community.id, action: "delete" },
    });
    await restoreRevision(admin, revision.id, 0);
    const restored = await getCommunity(admin, community.id);
    expect(restored.jwtKeys.map((k) => k.keyId)).toEqual(["web"]);
    const row = await db().communityJwtKey.findUniqueOrThrow({ where: { id: keyRow.id } });
    expect(openJwtSecret(row.id, row.secretSealed ?? "")).toBe(SECRET);
  });
});

describe("the communities list", () => {
  it("counts each listed community's JWT keys", async () => {
    const admin = await bootstrapAdministrator();
    const prefix = uniqueName("keyed");
    const two = await makeCommunity({ name: `${prefix}-a` });
    const none = await makeCommunity({ name: `${prefix}-b` });
    await addJwtKey(admin, { communityId: two.id, version: 1, keyId: "one", kind: "hmac", secret: SECRET });
    await addJwtKey(admin, { communityId: two.id, version: 2, keyId: "two", kind: "rsa", publicKey: rsaPem() });

    const page = await listCommunities(admin, { dir: "asc", page: 1, q: prefix });
    expect(page.rows.map((r) => [r.id, r._count.jwtKeys])).toEqual([
      [two.id, 2],
      [none.id, 0],
    ]);
  });
});

/** The communities list as Prisma's client reads it: the reference the SQL read must match. */
function prismaCommunitiesPage(actor: Actor, params: TListParams) {
  const where: Prisma.CommunityWhereInput = {
    ...scopeWhere(scopeOf(actor.rights, "community", "view")),
    ...(params.q ? { name: textContains(params.q) } : {}),
  };
  return prismaPage(params, sortColumn(params.sort, COMMUNITY_SORTS, "name"), {
    findMany: (page) => db().community.findMany({ where, include: { _count: { select: { jwtKeys: true } } }, ...page }),
    count: () => db().community.count({ where }),
  });
}

describe("the communities list, read in SQL", () => {
  it("reads the same pages as Prisma's client: every column, key counts, order, scoping and total", async () => {
    const tag = uniqueName("same");
    const modes = ["accept", "reject", "require"] as const;
    const communities = [];
    for (let i = 0; i < 30; i++) {
      const community = await makeCommunity({
        name: `${tag} ${String((i * 7) % 30).padStart(2, "0")}`,
        signedIdentities: modes[i % 3],
      });
      if (i % 4 === 1) {
        await db().community.update({
          where: { id: community.id },
          data: {
            customFields: [{ name: `field${i}`, type: "text" }],
            extraValueMappings: [{ extraValue: `x${i}`, target: { kind: "identity", field: "email" } }],
          },
        });
      }
      for (let k = 0; k < i % 3; k++) {
        await db().communityJwtKey.create({ data: { communityId: community.id, keyId: `key-${k}`, kind: "hmac" } });
      }
      communities.push(community);
    }
    const requests = [
      {},
      { q: tag.toUpperCase(), sort: "signedIdentities", dir: "desc", page: "2" },
      { q: `${tag} 1`, sort: "name", dir: "desc" },
      { q: tag, sort: "updatedAt" },
    ];
    const parsed = requests.map((raw) => ZListParams.parse(raw));
    await expectSamePages(
      listCommunities,
      prismaCommunitiesPage,
      await adminAndViewer("community", communities),
      parsed,
    );
  });
});

describe("community rights", () => {
  it("limits view, modify and delete to the communities a right names: 404 for one hidden, 403 for one seen; all audited", async () => {
    const mine = await makeCommunity();
    const other = await makeCommunity();
    const actor = await actorWithRights([
      { objectType: "community", access: "view", objectId: mine.id },
      { objectType: "community", access: "modify", objectId: mine.id },
    ]);
    const page = await listCommunities(actor, { dir: "asc", page: 1 });
    expect(page.rows.map((c) => c.id)).toEqual([mine.id]);
    expect((await appError(getCommunity(actor, other.id))).code).toBe("not_found");
    await updateCommunity(actor, { id: mine.id, version: 1, name: mine.name, signedIdentities: "accept" });
    expect(
      (
        await appError(
          updateCommunity(actor, { id: other.id, version: 1, name: other.name, signedIdentities: "accept" }),
        )
      ).code,
    ).toBe("not_found");
    // Seen but not deletable: refused, not hidden.
    expect((await appError(deleteCommunity(actor, { id: mine.id, version: 2 }))).code).toBe("forbidden");
    expect((await appError(deleteCommunity(actor, { id: other.id, version: 1 }))).code).toBe("not_found");
    expect((await appError(createCommunity(actor, { name: uniqueName("c"), signedIdentities: "reject" }))).code).toBe(
      "forbidden",
    );
    const refusals = await db().auditEvent.findMany({
      where: { actorId: actor.id, outcome: "refused", objectType: "community" },
    });
    expect(refusals.length).toBe(5);
    // The hidden community is named in the audit trail all the same (the trail is for those who may see it).
    expect(
      refusals
        .filter((r) => r.objectId === other.id)
        .map((r) => r.action)
        .sort(),
    ).toEqual(["delete", "modify", "view"]);
    expect((await appError(listCommunities(await actorWithRights([]), { dir: "asc", page: 1 }))).code).toBe(
      "forbidden",
    );
  });
});

describe("community capabilities", () => {
  it("hides keys, extra values and the testers of a community out of scope (404), refuses changes to one seen (403)", async () => {
    const seen = await makeCommunity();
    const hidden = await makeCommunity();
    const viewer = await actorWithRights([{ objectType: "community", access: "view", objectId: seen.id }]);
    const key = (communityId: string) =>
      addJwtKey(viewer, { communityId, version: 1, keyId: "web", kind: "hmac", secret: SECRET });
    const extraValues = (communityId: string) =>
      updateExtraValues(viewer, { communityId, version: 1, customFields: [], mappings: [] });
    const before = await tableCounts();
    expect((await appError(key(seen.id))).code).toBe("forbidden");
    expect((await appError(key(hidden.id))).code).toBe("not_found");
    expect((await appError(removeJwtKey(viewer, { communityId: hidden.id, version: 1, keyId: "web" }))).code).toBe(
      "not_found",
    );
    expect((await appError(extraValues(seen.id))).code).toBe("forbidden");
    expect((await appError(extraValues(hidden.id))).code).toBe("not_found");
    const identity = { uuid: "v1" };
    await expect(previewMapping(viewer, { communityId: seen.id, identity })).resolves.toMatchObject({ dropped: [] });
    expect((await appError(previewMapping(viewer, { communityId: hidden.id, identity }))).code).toBe("not_found");
    expect((await appError(testJwt(viewer, { communityId: hidden.id, token: "a.b.c" }))).code).toBe("not_found");
    // Nothing changed but the refusals' audit rows.
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 7 });
    expect(await db().auditEvent.count({ where: { actorId: viewer.id, outcome: "refused" } })).toBe(7);
  });
});

describe("custom fields and mappings", () => {
  it("saves them with the community's version, audits them in words, and a restore brings them back", async () => {
    const admin = await bootstrapAdministrator();
    const community = await makeCommunity();
    const settings = {
      customFields: [
        {
          label: "Customer ID",
          key: "customer_id",
          associatedType: "identity" as const,
          type: "string" as const,
          choices: [],
          usedForIdentityMerge: false,
          regex: "C-[0-9]{4}",
        },
      ],
      mappings: [{ source: "extra_value" as const, extraValueKey: "crm_id", destination: "custom:customer_id" }],
    };
    const saved = await updateExtraValues(admin, { communityId: community.id, version: 1, ...settings });
    expect(saved.version).toBe(2);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { objectId: community.id, action: "modify" } });
    expect(audit.changes).toEqual({
      customFields: { from: [], to: ["customer_id (Customer ID; identity, string; regex C-[0-9]{4})"] },
      extraValueMappings: { from: [], to: ["crm_id → custom:customer_id"] },
    });
    expect(
      (await appError(updateExtraValues(admin, { communityId: community.id, version: 1, ...settings }))).code,
    ).toBe("stale");

    await updateExtraValues(admin, { communityId: community.id, version: 2, customFields: [], mappings: [] });
    const revision = await db().revision.findFirstOrThrow({ where: { objectId: community.id, version: 2 } });
    await restoreRevision(admin, revision.id, 3);
    const restored = await getCommunity(admin, community.id);
    expect(restored.customFields).toEqual(settings.customFields);
    expect(restored.extraValueMappings).toEqual(settings.mappings);
  });
});
