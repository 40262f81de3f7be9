// Deliveries from external systems to a messaging service (POST /api/inbound/{service}): find the service,
// limit the rate and the size, authenticate the caller as the type and "Use Local Http Authentication" ask,
// and audit every attempt (service, caller, outcome, size; never the content, never a credential).
// The caller learns only the status: 401 and 403 say nothing about why.
import { recordAudit } from "../audit/record";
import { verifyAgainstDummy, verifyPassword } from "../auth/password";
import { logonKeyOf } from "../auth/sign-in";
import { db } from "../db";
import { ExpiringSet } from "../request/expiring-set";
import { RateLimiter } from "../request/rate-limit";
import { loadRights } from "../rights/load";
import { settingValue } from "../settings/service";
import { parseBasicAuth } from "./basic-auth";
import { openCredentialSecret } from "./credential-secret";
import { mayUseService } from "./permissions";
import { isMessagingServiceType, needsIncomingAuthentication, serviceTypeDefinition } from "./service-types";
import { verifySinchSignature } from "./sinch-signature";

export const MAX_INBOUND_BODY_BYTES = 1024 * 1024;

export const BASIC_CHALLENGE = 'Basic realm="Switchboard inbound", charset="UTF-8"';

export type InboundStatus = 202 | 401 | 403 | 404 | 413 | 429;

export interface InboundRequest {
  /** The service's id, or its name in any case. */
  serviceKey: string;
  headers: Headers;
  /** The body's bytes as received (or their UTF-8 text); only its size and Sinch's signature look at it. */
  rawBody: string | Uint8Array;
  clientAddress: string | null;
  /** Date or milliseconds since the epoch (default: the receiver's clock). */
  now?: Date | number;
}

export interface InboundResponse {
  status: InboundStatus;
  headers?: Record<string, string>;
}

export interface InboundOptions {
  maxBodyBytes: number;
  /** Requests per client address and service in each request window. */
  requestLimit: number;
  requestWindowMs: number;
  /** Failed Basic authentications per logon name (known or not, from any address) in each failure window. */
  failureLimit: number;
  failureWindowMs: number;
  /** Password checks running at once for one logon name; more get 429 (bounds the guesses a parallel burst gets in). */
  maxChecksInFlight: number;
  /** How far a Sinch signature's timestamp may be from now, either way. */
  sinchMaxSkewSeconds: number;
  /** Most keys each limiter tracks. */
  maxTrackedKeys: number;
  /** Most Sinch nonces remembered, over all services. */
  maxTrackedNonces: number;
  clock: () => number;
}

export const DEFAULT_INBOUND_OPTIONS: InboundOptions = {
  maxBodyBytes: MAX_INBOUND_BODY_BYTES,
  requestLimit: 120,
  requestWindowMs: 60_000,
  // Client addresses come from X-Forwarded-For and can be forged; this limit holds whatever address is claimed.
  failureLimit: 20,
  failureWindowMs: 5 * 60_000,
  maxChecksInFlight: 50,
  sinchMaxSkewSeconds: 300,
  maxTrackedKeys: 10_000,
  maxTrackedNonces: 100_000,
  clock: Date.now,
};

const ANONYMOUS = "anonymous";
const SINCH_ACTOR = "sinch webhook";
const MAX_SERVICE_KEY_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Authentication ID of the entry that holds Sinch's webhook secret ("webhook"), from the type definition. */
const SINCH_WEBHOOK_AUTH_ID = (() => {
  const literal = serviceTypeDefinition("sinchconversation").credentialKinds.find((kind) => kind.key === "incoming")
    ?.authId.literal;
  if (!literal) throw new Error("sinchconversation has no incoming credential kind with a literal Authentication ID.");
  return literal;
})();

interface Service {
  id: string;
  name: string;
  type: string;
}

/** What one attempt comes to: the answer, and what the audit row says about it. */
interface Outcome {
  status: InboundStatus;
  headers?: Record<string, string>;
  reason: string;
  caller: { id: string | null; logonName: string };
}

const anonymous = { id: null, logonName: ANONYMOUS };

export type InboundReceiver = (request: InboundRequest) => Promise<InboundResponse>;

/** A receiver with its own limiters and nonce memory; the app uses the one `receiveInbound`, tests make their own. */
export function createInboundReceiver(overrides: Partial<InboundOptions> = {}): InboundReceiver {
  const options = { ...DEFAULT_INBOUND_OPTIONS, ...overrides };
  const requests = new RateLimiter({
    limit: options.requestLimit,
    windowMs: options.requestWindowMs,
    maxKeys: options.maxTrackedKeys,
    clock: options.clock,
  });
  const failures = new RateLimiter({
    limit: options.failureLimit,
    windowMs: options.failureWindowMs,
    maxKeys: options.maxTrackedKeys,
    clock: options.clock,
  });
  // Logon key → password checks running now; entries go when their count reaches 0, so this stays small.
  const checking = new Map<string, number>();
  // A nonce accepted now can come back with a valid signature until its timestamp leaves the window: 2 × skew at most.
  const nonces = new ExpiringSet({
    ttlMs: 2 * options.sinchMaxSkewSeconds * 1000,
    maxEntries: options.maxTrackedNonces,
    clock: options.clock,
  });

  async function basic(request: InboundRequest, service: Service, now: number): Promise<Outcome> {
    const challenge = { "WWW-Authenticate": BASIC_CHALLENGE };
    const authorization = request.headers.get("authorization");
    const credentials = parseBasicAuth(authorization);
    if (!credentials) {
      return {
        status: 401,
        headers: challenge,
        reason: authorization ? "malformed credentials" : "no credentials",
        caller: anonymous,
      };
    }

    const logonKey = logonKeyOf(credentials.logonName);
    const user = logonKey
      ? await db().user.findUnique({
          where: { logonKey },
          select: { id: true, logonName: true, kind: true, enabled: true, passwordHash: true },
        })
      : null;
    // An unknown name stays out of the audit: it may be a password typed into the wrong field.
    const caller = user ? { id: user.id, logonName: user.logonName } : anonymous;

    // Counted per name, known or not, so the lock tells nothing about which names exist. Failures count once
    // known; the cap on checks in flight keeps a burst of parallel guesses from outrunning the count.
    const budget = failures.check(logonKey, now);
    const pending = checking.get(logonKey) ?? 0;
    if (!budget.allowed || pending >= options.maxChecksInFlight) {
      return {
        status: 429,
        headers: { "Retry-After": String(budget.allowed ? 1 : budget.retryAfterSeconds) },
        reason: budget.allowed
          ? "too many authentications in progress for this logon name"
          : "too many failed authentications for this logon name",
        caller,
      };
    }

    checking.set(logonKey, pending + 1);
    let passwordOk: boolean;
    try {
      // Unknown names cost the same time as known ones, so timing does not tell which names exist.
      passwordOk = user
        ? await verifyPassword(user.passwordHash, credentials.password)
        : await verifyAgainstDummy(credentials.password);
    } finally {
      const left = (checking.get(logonKey) ?? 1) - 1;
      if (left > 0) checking.set(logonKey, left);
      else checking.delete(logonKey);
    }
    const refusal = !user
      ? "wrong credentials (unknown logon name)"
      : !passwordOk
        ? "wrong credentials (wrong password)"
        : user.kind !== "external"
          ? "not an external user"
          : !user.enabled
            ? "user is disabled"
            : null;
    if (refusal || !user) {
      failures.hit(logonKey, now);
      return { status: 401, headers: challenge, reason: refusal ?? "wrong credentials", caller };
    }

    const rights = await loadRights(db(), user.id);
    if (!mayUseService(rights, service.id)) {
      return { status: 403, reason: "no Use right on this service", caller };
    }
    return { status: 202, reason: "accepted", caller };
  }

  async function sinch(request: InboundRequest, service: Service, now: number, entry: WebhookEntry): Promise<Outcome> {
    const caller = { id: null, logonName: SINCH_ACTOR };
    if (!entry?.secretSealed) {
      return { status: 403, reason: entry ? "webhook entry has no secret" : "no webhook entry", caller };
    }
    let secret: string;
    try {
      secret = openCredentialSecret(entry.id, entry.secretSealed);
    } catch {
      return { status: 403, reason: "webhook secret cannot be opened (was the secret key changed?)", caller };
    }
    const verdict = verifySinchSignature({
      rawBody: request.rawBody,
      headers: request.headers,
      secret,
      now,
      maxSkewSeconds: options.sinchMaxSkewSeconds,
      // Called only when everything else holds, so checking and remembering the nonce is one step.
      seenNonce: (nonce) => !nonces.add(`${service.id} ${nonce}`, now),
    });
    if (verdict.ok) return { status: 202, reason: "accepted, Sinch signature verified", caller };
    if (verdict.reason === "no_secret") return { status: 403, reason: "webhook secret is empty", caller };
    return { status: 401, reason: `Sinch signature refused (${verdict.reason.replaceAll("_", " ")})`, caller };
  }

  async function decide(request: InboundRequest, service: Service | null, size: number, now: number): Promise<Outcome> {
    const rate = requests.hit(`${request.clientAddress ?? "unknown"}|${service?.id ?? "unknown service"}`, now);
    if (!rate.allowed) {
      return {
        status: 429,
        headers: { "Retry-After": String(rate.retryAfterSeconds) },
        reason: `over ${options.requestLimit} requests in ${options.requestWindowMs / 1000} s`,
        caller: anonymous,
      };
    }
    if (!service) {
      return {
        status: 404,
        reason: `unknown service ${JSON.stringify(request.serviceKey.slice(0, 100))}`,
        caller: anonymous,
      };
    }
    if (size > options.maxBodyBytes) {
      return { status: 413, reason: `body over ${options.maxBodyBytes} bytes`, caller: anonymous };
    }
    // A type not (or no longer) in the catalog gets the strictest treatment: Basic authentication.
    const type = isMessagingServiceType(service.type) ? service.type : null;
    const webhook = type === "sinchconversation" ? await webhookEntry(service.id) : null;
    // Sinch signs every callback with the webhook secret: once a service holds one, an unsigned callback
    // is a forgery, whatever the setting says.
    if (webhook?.secretSealed) return sinch(request, service, now, webhook);
    if (!(await settingValue("useLocalHttpAuthentication"))) {
      return {
        status: 202,
        reason: "accepted without authentication (Use Local Http Authentication is off)",
        caller: anonymous,
      };
    }
    if (type && !needsIncomingAuthentication(type)) {
      return { status: 202, reason: `accepted, ${type} needs no incoming authentication`, caller: anonymous };
    }
    return type === "sinchconversation" ? sinch(request, service, now, webhook) : basic(request, service, now);
  }

  return async function receive(request: InboundRequest): Promise<InboundResponse> {
    const now = request.now === undefined ? options.clock() : Number(request.now);
    const size =
      typeof request.rawBody === "string" ? Buffer.byteLength(request.rawBody, "utf8") : request.rawBody.byteLength;
    const service = await findService(request.serviceKey);
    const outcome = await decide(request, service, size, now);

    const sizeText = outcome.status === 413 ? "" : `, ${size} bytes`;
    await recordAudit(
      db(),
      { ...outcome.caller, clientAddress: request.clientAddress },
      {
        action: "inbound",
        objectType: "messaging_service",
        objectId: service?.id ?? null,
        objectName: service?.name ?? null,
        outcome: outcome.status === 202 ? "success" : outcome.status === 404 ? "failed" : "refused",
        detail: `${outcome.status} ${outcome.reason}${sizeText}`,
      },
    );
    return outcome.headers ? { status: outcome.status, headers: outcome.headers } : { status: outcome.status };
  };
}

type WebhookEntry = { id: string; secretSealed: string | null } | null;

/** The service's entry that holds Sinch's webhook secret, with the sealed secret. */
function webhookEntry(serviceId: string): Promise<WebhookEntry> {
  return db().messagingCredential.findUnique({
    where: { serviceId_authId: { serviceId, authId: SINCH_WEBHOOK_AUTH_ID } },
    select: { id: true, secretSealed: true },
  });
}

/** By id first (ids are uuids), then by name, ignoring case. */
async function findService(key: string): Promise<Service | null> {
  // No name holds a control character, and PostgreSQL cannot even compare text holding NUL.
  if (key.length === 0 || key.length > MAX_SERVICE_KEY_LENGTH || /\p{Cc}/u.test(key)) return null;
  const select = { id: true, name: true, type: true } as const;
  if (UUID.test(key)) {
    const byId = await db().messagingService.findUnique({ where: { id: key.toLowerCase() }, select });
    if (byId) return byId;
  }
  return db().messagingService.findUnique({ where: { nameKey: key.toLowerCase() }, select });
}

export const receiveInbound: InboundReceiver = createInboundReceiver();
