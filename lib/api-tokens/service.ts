// API tokens: a user makes tokens for themselves; owners and holders of modify on api_token revoke them.
// The token's text is returned once and only its hash is stored; audit rows name the token, never its text.
import { diff } from "../audit/diff";
import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { forbidden, invalid, notFound } from "../errors";
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

/**
 * A read-only token changes nothing, its owner's tokens included: otherwise it could mint itself a full one.
 * Refused and audited like a missing right.
 */
async function requireWritingActor(actor: Actor, action: "create" | "revoke", objectId?: string) {
  if (actor.via?.kind !== "token") return null;
  const via = await db().apiToken.findUnique({
    where: { id: actor.via.tokenId },
    select: { readOnly: true, expiresAt: true },
  });
  if (!via?.readOnly) return via;
  await recordAudit(db(), actor, {
    action,
    objectType: "api_token",
    objectId,
    outcome: "refused",
    detail: "A read-only token cannot create or revoke tokens",
  });
  throw forbidden("A read-only token cannot create or revoke tokens.");
}

export async function createApiToken(actor: Actor, input: TCreateApiTokenRequest, now = new Date()) {
  const via = await requireWritingActor(actor, "create");
  const expiresAt = input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS);
  // A token made with an expiring token ends no later than it, so that a leaked token cannot outlive itself.
  if (via?.expiresAt && (!expiresAt || expiresAt > via.expiresAt)) {
    throw invalid({
      expiresInDays: [
        `A token made with this token cannot outlive it: choose at most ${Math.floor((via.expiresAt.getTime() - now.getTime()) / DAY_MS)} days.`,
      ],
    });
  }
  const text = newTokenText();
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

/** One token: the actor's own, or anyone's for holders of view on api_token (to others it does not exist). */
export async function getApiToken(actor: Actor, id: string) {
  const token = await db().apiToken.findUnique({
    where: { id },
    select: { ...LISTED, user: { select: { id: true, logonName: true } } },
  });
  await requireApiTokenCapability(actor, "view", { id, userId: token?.userId });
  if (!token) throw notFound("This API token");
  return token;
}

export async function revokeApiToken(actor: Actor, input: TRevokeApiTokenRequest, now = new Date()) {
  await requireWritingActor(actor, "revoke", input.id);
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
