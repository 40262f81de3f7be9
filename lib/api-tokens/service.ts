// API tokens: a user makes tokens for themselves; owners and holders of modify on api_token revoke them.
// The token's text is returned once and only its hash is stored; audit rows name the token, never its text.
import { diff } from "../audit/diff";
import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { requireApiTokenCapability } from "./permissions";
import type { TCreateApiTokenRequest, TRevokeApiTokenRequest } from "./schemas";
import { displayPrefixOf, newTokenText, tokenHashOf } from "./token-text";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What lists show of a token: everything but its hash. */
const LISTED = {
  id: true,
  name: true,
  prefix: true,
  readOnly: true,
  expiresAt: true,
  lastUsedAt: true,
  createdAt: true,
  revokedAt: true,
  userId: true,
} as const;

export async function createApiToken(actor: Actor, input: TCreateApiTokenRequest, now = new Date()) {
  const text = newTokenText();
  const expiresAt = input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const token = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: input.name,
        tokenHash: tokenHashOf(text),
        prefix: displayPrefixOf(text),
        readOnly: input.readOnly,
        expiresAt,
        createdAt: now,
      },
      select: LISTED,
    });
    await recordAudit(tx, actor, {
      action: "create",
      objectType: "api_token",
      objectId: created.id,
      objectName: created.name,
      changes: diff(null, { name: created.name, readOnly: created.readOnly, expiresAt: expiresAt?.toISOString() }),
    });
    return created;
  });
  return { token, text };
}

/** The actor's own tokens, newest first. */
export async function listOwnApiTokens(actor: Actor) {
  return db().apiToken.findMany({
    where: { userId: actor.id },
    select: LISTED,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

/** Every user's tokens, for holders of view on api_token. */
export async function listAllApiTokens(actor: Actor) {
  await requireApiTokenCapability(actor, "viewAll");
  return db().apiToken.findMany({
    select: { ...LISTED, user: { select: { id: true, logonName: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
  });
}

export async function revokeApiToken(actor: Actor, input: TRevokeApiTokenRequest, now = new Date()) {
  const token = await db().apiToken.findUnique({ where: { id: input.id }, select: LISTED });
  await requireApiTokenCapability(actor, "revoke", { id: input.id, userId: token?.userId });
  if (!token) throw notFound("This API token");
  if (token.revokedAt) return token;
  return db().$transaction(async (tx) => {
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now }, select: LISTED });
    await recordAudit(tx, actor, {
      action: "revoke",
      objectType: "api_token",
      objectId: token.id,
      objectName: token.name,
      changes: diff({ revoked: false }, { revoked: true }),
    });
    return revoked;
  });
}
