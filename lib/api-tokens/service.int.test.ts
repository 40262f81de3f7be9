import { describe, expect, it } from "vitest";
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { RateLimiter } from "../request/rate-limit";
import { appError } from "../testing/app-error";
import { actorWithRights, makeActor, tableCounts } from "../testing/factories";
import { tokenResolver } from "./resolve";
import { ZCreateApiTokenRequest } from "./schemas";
import { createApiToken, listAllApiTokens, listOwnApiTokens, revokeApiToken } from "./service";
import { tokenHashOf } from "./token-text";

const request = (fields: Partial<{ name: string; expiresInDays: number | null; readOnly: boolean }> = {}) =>
  ZCreateApiTokenRequest.parse({ name: "deploy script", expiresInDays: null, readOnly: false, ...fields });

/** A resolver of its own, so that limits and the clock are the test's. */
function resolver(options: { perToken?: number; failures?: number; now?: () => Date } = {}) {
  return tokenResolver({
    perToken: new RateLimiter({ limit: options.perToken ?? 100, windowMs: 60_000 }),
    failures: new RateLimiter({ limit: options.failures ?? 100, windowMs: 60_000 }),
    clock: options.now,
  });
}

describe("creating an API token", () => {
  it("returns the token once and stores only its SHA-256, with an audit row naming it", async () => {
    const owner = await makeActor({ roles: ["operator"] });
    const { token, text } = await createApiToken(owner, request({ expiresInDays: 30, readOnly: true }));
    expect(text).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);
    expect(token).not.toHaveProperty("tokenHash");
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row).toMatchObject({ userId: owner.id, name: "deploy script", readOnly: true, prefix: text.slice(0, 11) });
    expect(row.tokenHash).toBe(tokenHashOf(text));
    expect(JSON.stringify(row)).not.toContain(text);
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const audit = await db().auditEvent.findMany({ where: { objectId: token.id } });
    expect(audit).toMatchObject([{ action: "create", objectType: "api_token", objectName: "deploy script" }]);
    expect(JSON.stringify(audit)).not.toContain(text.slice(3));
    expect(await listOwnApiTokens(owner)).toMatchObject([{ id: token.id, name: "deploy script", lastUsedAt: null }]);
  });

  it("refuses a name that is empty and an expiry beyond a year", () => {
    const parsed = ZCreateApiTokenRequest.safeParse({ name: " ", expiresInDays: 400, readOnly: false });
    expect(parsed.success).toBe(false);
    expect(Object.keys(parsed.error?.flatten().fieldErrors ?? {}).sort()).toEqual(["expiresInDays", "name"]);
  });
});

describe("resolving a bearer token", () => {
  it("acts as the owner with the owner's current rights and records when it was used", async () => {
    const owner = await actorWithRights([
      { objectType: "role", access: "view" },
      { objectType: "role", access: "modify" },
    ]);
    const { token, text } = await createApiToken(owner, request());
    const resolution = await resolver()(text, "198.51.100.7");
    expect(resolution.ok).toBe(true);
    if (!resolution.ok) return;
    expect(resolution.actor).toMatchObject({
      id: owner.id,
      clientAddress: "198.51.100.7",
      via: { kind: "token", tokenId: token.id, tokenName: "deploy script" },
    });
    expect(resolution.actor.rights.map((r) => r.access).sort()).toEqual(["modify", "view"]);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();
  });

  it("narrows a read-only token to the owner's view grants", async () => {
    const owner = await makeActor({ roles: ["administrator"] });
    const { text } = await createApiToken(owner, request({ readOnly: true }));
    const resolution = await resolver()(text, null);
    expect(resolution.ok && resolution.actor.rights.length > 0).toBe(true);
    expect(resolution.ok && resolution.actor.rights.every((r) => r.access === "view")).toBe(true);
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const owner = await makeActor();
    const { token, text } = await createApiToken(owner, request());
    let now = new Date("2030-01-01T00:00:00Z");
    const resolve = resolver({ now: () => now });
    const lastUsed = async () => (await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    await resolve(text, null);
    expect(await lastUsed()).toEqual(now);
    const first = now;
    now = new Date(first.getTime() + 30_000);
    await resolve(text, null);
    expect(await lastUsed()).toEqual(first);
    now = new Date(first.getTime() + 61_000);
    await resolve(text, null);
    expect(await lastUsed()).toEqual(now);
  });

  it("refuses unknown, malformed, expired and revoked tokens", async () => {
    const owner = await makeActor({ roles: ["operator"] });
    const { token, text } = await createApiToken(owner, request({ expiresInDays: 1 }));
    const resolve = resolver({ now: () => new Date(Date.now() + 2 * 86_400_000) });
    expect(await resolve(text, null)).toMatchObject({ ok: false, reason: "invalid" });
    // One character changed (a token that already ends in "A" would stay the same with an "A").
    const altered = `${text.slice(0, -1)}${text.endsWith("A") ? "B" : "A"}`;
    expect(await resolver()(altered, null)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await resolver()("not a token", null)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await resolver()(null, null)).toMatchObject({ ok: false, reason: "invalid" });

    expect((await resolver()(text, null)).ok).toBe(true);
    await revokeApiToken(owner, { id: token.id });
    expect(await resolver()(text, null)).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("stops on the next request once the owner is disabled or must change their password", async () => {
    const owner = await makeActor({ roles: ["operator"] });
    const { text } = await createApiToken(owner, request());
    const resolve = resolver();
    expect((await resolve(text, null)).ok).toBe(true);
    await db().user.update({ where: { id: owner.id }, data: { enabled: false } });
    expect(await resolve(text, null)).toMatchObject({ ok: false, reason: "invalid" });
    await db().user.update({ where: { id: owner.id }, data: { enabled: true, mustChangePassword: true } });
    expect(await resolve(text, null)).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("stops once a role of the owner requires a second factor the owner has not set up", async () => {
    const owner = await makeActor({ roles: ["operator"] });
    const { text } = await createApiToken(owner, request());
    const resolve = resolver();
    expect((await resolve(text, null)).ok).toBe(true);
    await db().role.create({
      data: {
        name: `needs-2fa-${owner.id}`,
        nameKey: `needs-2fa-${owner.id}`,
        requiresSecondFactor: true,
        users: { create: { userId: owner.id } },
      },
    });
    expect(await resolve(text, null)).toMatchObject({ ok: false, reason: "invalid" });
    await db().user.update({ where: { id: owner.id }, data: { totpEnabledAt: new Date() } });
    expect((await resolve(text, null)).ok).toBe(true);
  });

  it("rate-limits each token, and failed attempts per address", async () => {
    const owner = await makeActor();
    const { text } = await createApiToken(owner, request());
    const perToken = resolver({ perToken: 2 });
    expect((await perToken(text, "a")).ok).toBe(true);
    expect((await perToken(text, "b")).ok).toBe(true);
    expect(await perToken(text, "c")).toMatchObject({ ok: false, reason: "throttled" });

    const failures = resolver({ failures: 2 });
    await failures("sb_wrong", "203.0.113.9");
    await failures("sb_wrong", "203.0.113.9");
    // Even the right token is not tried from an address that failed too often.
    expect(await failures(text, "203.0.113.9")).toMatchObject({ ok: false, reason: "throttled" });
    expect((await failures(text, "203.0.113.10")).ok).toBe(true);
  });

  it("names the token in the audit rows of what its actor does, never the token itself", async () => {
    const owner = await makeActor({ roles: ["administrator"] });
    const { text } = await createApiToken(owner, request({ name: "nightly sync" }));
    const resolution = await resolver()(text, null);
    if (!resolution.ok) throw new Error("The token did not resolve.");
    await recordAudit(db(), resolution.actor, { action: "modify", objectType: "settings", objectId: "x" });
    const row = await db().auditEvent.findFirstOrThrow({ where: { actorId: owner.id, objectId: "x" } });
    expect(row.viaToken).toBe("nightly sync");
    expect(JSON.stringify(row)).not.toContain(text);
  });
});

describe("listing and revoking tokens", () => {
  it("lets the owner revoke their token, audited, and others only with modify on api_token", async () => {
    const owner = await makeActor();
    const { token } = await createApiToken(owner, request());
    const stranger = await makeActor();
    const viewer = await actorWithRights([{ objectType: "api_token", access: "view" }]);
    const admin = await makeActor({ roles: ["administrator"] });

    const before = await tableCounts();
    expect((await appError(revokeApiToken(stranger, { id: token.id }))).code).toBe("not_found");
    expect((await appError(revokeApiToken(viewer, { id: token.id }))).code).toBe("forbidden");
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 2 });
    expect(await db().auditEvent.count({ where: { objectId: token.id, outcome: "refused" } })).toBe(2);

    expect((await revokeApiToken(admin, { id: token.id })).revokedAt).not.toBeNull();
    expect(
      await db().auditEvent.findFirst({ where: { objectId: token.id, action: "revoke", actorId: admin.id } }),
    ).toMatchObject({ outcome: "success", objectName: "deploy script" });
  });

  it("shows everyone's tokens only to holders of view on api_token", async () => {
    const owner = await makeActor();
    const { token } = await createApiToken(owner, request());
    const viewer = await actorWithRights([{ objectType: "api_token", access: "view" }]);
    expect((await listAllApiTokens(viewer)).find((t) => t.id === token.id)?.user.id).toBe(owner.id);
    expect((await appError(listAllApiTokens(owner))).code).toBe("forbidden");
    expect(await listOwnApiTokens(viewer)).toEqual([]);
  });
});
