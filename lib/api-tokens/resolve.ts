// From a bearer token to the actor it acts as: its owner, with the owner's current rights (only the view
// grants of a read-only token). Checked on every request, so revoking the token or disabling the owner
// stops it at once. Uses are rate-limited per token, and failed attempts per address.
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { RateLimiter } from "../request/rate-limit";
import { loadRights } from "../rights/load";
import { looksLikeToken, tokenHashOf } from "./token-text";

/** lastUsedAt is written at most this often per token, so reads do not become writes. */
const LAST_USED_PRECISION_MS = 60_000;

export type TokenResolution =
  | { ok: true; actor: Actor }
  | { ok: false; reason: "invalid" | "throttled"; detail: string; retryAfterSeconds?: number };

export interface TokenResolverOptions {
  /** Requests per token and window. */
  perToken: RateLimiter;
  /** Failed attempts per client address and window. */
  failures: RateLimiter;
  clock?: () => Date;
}

const REFUSED = "The token is missing, unknown, expired or revoked, or its owner may not use it.";

export function tokenResolver({ perToken, failures, clock = () => new Date() }: TokenResolverOptions) {
  return async function resolveToken(text: string | null, clientAddress: string | null): Promise<TokenResolution> {
    const addressKey = clientAddress ?? "unknown";
    const blocked = failures.check(addressKey);
    if (!blocked.allowed) return throttled("Too many failed attempts from this address.", blocked.retryAfterSeconds);
    const actor = text && looksLikeToken(text) ? await actorOf(text, clientAddress, clock()) : null;
    if (!actor) {
      failures.hit(addressKey);
      return { ok: false, reason: "invalid", detail: REFUSED };
    }
    const budget = perToken.hit(actor.via?.tokenId ?? actor.id);
    if (!budget.allowed) return throttled("Too many requests with this token.", budget.retryAfterSeconds);
    return { ok: true, actor };
  };
}

function throttled(detail: string, retryAfterSeconds: number): TokenResolution {
  return { ok: false, reason: "throttled", detail, retryAfterSeconds };
}

async function actorOf(text: string, clientAddress: string | null, now: Date): Promise<Actor | null> {
  const token = await db().apiToken.findUnique({
    where: { tokenHash: tokenHashOf(text) },
    include: {
      user: {
        include: { roles: { where: { role: { requiresSecondFactor: true } }, select: { roleId: true }, take: 1 } },
      },
    },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  const { user } = token;
  if (!user.enabled || user.kind !== "console" || user.mustChangePassword) return null;
  // A role of the owner's requires a second factor they have not set up: the console would stop them too.
  if (!user.totpEnabledAt && user.roles.length > 0) return null;
  await db().apiToken.updateMany({
    where: {
      id: token.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  const rights = await loadRights(db(), user.id);
  return {
    id: user.id,
    logonName: user.logonName,
    displayName: `${user.firstName} ${user.lastName}`.trim() || user.logonName,
    rights: token.readOnly ? rights.filter((grant) => grant.access === "view") : rights,
    clientAddress,
    mustChangePassword: false,
    mustEnrolSecondFactor: false,
    via: { kind: "token", tokenId: token.id, tokenName: token.name },
  };
}

/**
 * The server's resolver: 600 requests a minute per token, 30 failed attempts a minute per address.
 * Both count in this process only, on purpose: with several servers a token gets at most that budget on
 * each. Neither guards a secret a person chose: a token holds 256 random bits that no number of guesses
 * finds, so these limits only shed load, and counting each accepted request in the database would add a
 * write to every API call. The limits that guard passwords (sign-in, inbound Basic) live in PostgreSQL.
 */
export const resolveToken = tokenResolver({
  perToken: new RateLimiter({ limit: 600, windowMs: 60_000 }),
  failures: new RateLimiter({ limit: 30, windowMs: 60_000 }),
});
