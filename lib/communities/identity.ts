// The identity endpoint (POST /api/communities/{id or name}/identity): what the chat front end calls with the
// visitor's identity, plain or as a signed JWT. It applies the community's Signed identities mode and keys,
// answers 200 with the identity or a status and a short machine-readable reason (never key material, never
// the token), limits the rate per address and community, and audits every outcome without the identity.
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { RateLimiter } from "../request/rate-limit";
import { applyMappings, storedSettings } from "./extra-values";
import { ZIdentity, ZIdentityRequestBody } from "./identity-schema";
import { checkJwt, type JwtRefusal, looksLikeJwt, type VerifyingKey } from "./jwt-check";
import { openJwtSecret } from "./key-secret";
import type { SignedIdentityMode } from "./schemas";
import { type ModeRefusal, modeRefusal } from "./signed-identity-mode";

export const MAX_IDENTITY_BODY_BYTES = 64 * 1024;

export type IdentityReason =
  | "accepted"
  | "community_not_found"
  | "rate_limited"
  | "body_too_large"
  | "invalid_body"
  | "invalid_identity"
  | ModeRefusal
  | JwtRefusal;

export interface IdentityRequest {
  /** The community's id, or its name in any case. */
  communityKey: string;
  contentType: string | null;
  body: string;
  clientAddress: string | null;
  now?: number;
}

export interface IdentityResponse {
  status: 200 | 400 | 401 | 403 | 404 | 413 | 429;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface IdentityOptions {
  requestLimit: number;
  requestWindowMs: number;
  clock: () => number;
}

export const DEFAULT_IDENTITY_OPTIONS: IdentityOptions = {
  requestLimit: 120,
  requestWindowMs: 60_000,
  clock: Date.now,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS: Record<Exclude<IdentityReason, "accepted">, IdentityResponse["status"]> = {
  community_not_found: 404,
  rate_limited: 429,
  body_too_large: 413,
  invalid_body: 400,
  invalid_identity: 400,
  signed_identity_rejected: 403,
  signature_required: 403,
  malformed_token: 400,
  algorithm_not_allowed: 401,
  missing_kid: 401,
  unknown_kid: 401,
  algorithm_key_mismatch: 401,
  bad_signature: 401,
  missing_exp: 401,
  exp_too_soon: 401,
};

interface Community {
  id: string;
  name: string;
  signedIdentities: SignedIdentityMode;
  customFields: unknown;
  extraValueMappings: unknown;
}

async function findCommunity(key: string): Promise<Community | null> {
  const select = {
    id: true,
    name: true,
    signedIdentities: true,
    customFields: true,
    extraValueMappings: true,
  } as const;
  // No name holds a control character, and PostgreSQL cannot even compare text holding NUL.
  if (key.length === 0 || key.length > 200 || /\p{Cc}/u.test(key)) return null;
  if (UUID.test(key)) {
    const byId = await db().community.findUnique({ where: { id: key.toLowerCase() }, select });
    if (byId) return byId;
  }
  return db().community.findUnique({ where: { nameKey: key.toLowerCase() }, select });
}

/** The community's keys ready to verify with; a sealed secret that no longer opens is left out. */
export async function verifyingKeys(communityId: string): Promise<(VerifyingKey & { id: string })[]> {
  const rows = await db().communityJwtKey.findMany({ where: { communityId } });
  return rows.flatMap((row): (VerifyingKey & { id: string })[] => {
    try {
      if (row.kind === "hmac" && row.secretSealed)
        return [
          { id: row.id, keyId: row.keyId, kind: "hmac" as const, material: openJwtSecret(row.id, row.secretSealed) },
        ];
      if (row.kind === "rsa" && row.publicKeyPem)
        return [{ id: row.id, keyId: row.keyId, kind: "rsa" as const, material: row.publicKeyPem }];
    } catch {
      console.error(`JWT key ${row.keyId} of community ${communityId} could not be opened; it verifies nothing.`);
    }
    return [];
  });
}

/** The token, the plain identity, or why the body is neither. */
function readBody(contentType: string | null, body: string): { token: string } | { identity: unknown } | null {
  if (contentType?.toLowerCase().startsWith("application/jwt") || looksLikeJwt(body)) return { token: body.trim() };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = ZIdentityRequestBody.safeParse(json);
  if (!parsed.success) return null;
  return "jwt" in parsed.data ? { token: parsed.data.jwt } : { identity: parsed.data.identity };
}

export function createIdentityReceiver(options: IdentityOptions = DEFAULT_IDENTITY_OPTIONS) {
  // Counted in this process only, on purpose: with several servers an address gets this budget on each.
  // It only sheds load; what the endpoint checks (a JWT signature, or an identity the community accepts
  // unsigned) cannot be guessed by repeating requests, unlike a password.
  const limiter = new RateLimiter({
    limit: options.requestLimit,
    windowMs: options.requestWindowMs,
    clock: options.clock,
  });

  async function decide(request: IdentityRequest, community: Community | null, now: number) {
    const refuse = (reason: Exclude<IdentityReason, "accepted">, extra: Record<string, unknown> = {}) => ({
      reason,
      keyId: undefined as string | undefined,
      response: { status: STATUS[reason], body: { error: reason, ...extra } } as IdentityResponse,
    });
    if (!community) return refuse("community_not_found");
    const rate = limiter.hit(`${request.clientAddress ?? "unknown"}|${community.id}`, now);
    if (!rate.allowed) {
      const refused = refuse("rate_limited");
      refused.response.headers = { "Retry-After": String(rate.retryAfterSeconds) };
      return refused;
    }
    if (Buffer.byteLength(request.body, "utf8") > MAX_IDENTITY_BODY_BYTES) return refuse("body_too_large");
    const body = readBody(request.contentType, request.body);
    if (!body) return refuse("invalid_body");
    const signed = "token" in body;
    const byMode = modeRefusal(community.signedIdentities, signed);
    if (byMode) return refuse(byMode);

    let claims: unknown;
    let keyId: string | undefined;
    let keyRowId: string | undefined;
    if ("token" in body) {
      const keys = await verifyingKeys(community.id);
      const check = await checkJwt(body.token, keys, now);
      if (!check.ok) return { ...refuse(check.reason), keyId: check.keyId };
      claims = check.claims;
      keyId = check.keyId;
      keyRowId = keys.find((k) => k.keyId === check.keyId)?.id;
    } else {
      claims = body.identity;
    }
    const identity = ZIdentity.safeParse(claims);
    if (!identity.success) {
      // Which fields, never their values.
      const fields = [...new Set(identity.error.issues.map((issue) => issue.path.join(".") || "identity"))];
      return { ...refuse("invalid_identity", { fields }), keyId };
    }
    if (keyRowId)
      await db().communityJwtKey.update({ where: { id: keyRowId }, data: { lastVerifiedAt: new Date(now) } });
    return {
      reason: "accepted" as const,
      keyId,
      response: {
        status: 200 as const,
        body: {
          community: community.name,
          signed,
          ...(keyId ? { keyId } : {}),
          identity: identity.data,
          // Where its extra values (and UUID) land, and which a custom field refused.
          ...applyMappings(identity.data, storedSettings(community.customFields, community.extraValueMappings)),
        },
      },
    };
  }

  return async function receive(request: IdentityRequest): Promise<IdentityResponse> {
    const now = request.now ?? options.clock();
    const community = await findCommunity(request.communityKey);
    const outcome = await decide(request, community, now);
    await recordAudit(
      db(),
      { id: null, logonName: "identity endpoint", clientAddress: request.clientAddress },
      {
        action: "identity",
        objectType: "community",
        objectId: community?.id ?? null,
        objectName: community?.name ?? null,
        outcome:
          outcome.reason === "accepted" ? "success" : outcome.reason === "community_not_found" ? "failed" : "refused",
        detail: `${outcome.response.status} ${outcome.reason}${outcome.keyId ? `, kid ${outcome.keyId}` : ""}`,
      },
    );
    return outcome.response;
  };
}

export const receiveIdentity = createIdentityReceiver();
