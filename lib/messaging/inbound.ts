// Deliveries from external systems to a messaging service (POST /api/inbound/{service}): find the service,
// limit the size, authenticate the caller as the type and "Use Local Http Authentication" ask, and audit
// every attempt (service, caller, outcome, size; never the content, never a credential).
// The caller learns only the status: 401 and 403 say nothing about why.
// Correct credentials are never throttled; failed Basic authentications are limited per logon name and
// per client address. The failure counts and the Sinch nonces live in the database, so several server
// processes on one database share them; the memory of recent password verifications is per process.
import { createAuditGroupWriter } from "../audit/group-writer";
import { verifyAgainstDummy, verifyPassword } from "../auth/password";
import { RecentVerifications, type VerifiedUser } from "../auth/recent-verifications";
import { logonKeyOf } from "../auth/sign-in";
import { db } from "../db";
import { epochMillis, readRows } from "../db/read-rows";
import { Prisma } from "../generated/prisma/client";
import { SharedFailureLimit } from "../request/shared-failure-limit";
import type { Rights } from "../rights/can";
import { loadRights } from "../rights/load";
import { settingFromStored } from "../settings/service";
import { parseBasicAuth } from "./basic-auth";
import { openCredentialSecret } from "./credential-secret";
import { mayUseService } from "./permissions";
import { isMessagingServiceType, needsIncomingAuthentication, serviceTypeDefinition } from "./service-types";
import { forgetExpiredNonces, rememberNonce } from "./sinch-nonces";
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
  /** Failed Basic authentications per logon name (known or not, from any address) in each failure window. */
  failureLimit: number;
  /** Failed Basic authentications per client address (whatever the names) in each failure window. */
  addressFailureLimit: number;
  failureWindowMs: number;
  /**
   * Password checks (argon2id) running at once in this process for one logon name; more get 429 (bounds
   * the guesses a parallel burst gets in before its failures are counted).
   */
  maxChecksInFlight: number;
  /** How long a successful password check spares the next ones for the same user and password. */
  verificationTtlMs: number;
  /** Most users whose recent password check is remembered. */
  maxRememberedVerifications: number;
  /** How far a Sinch signature's timestamp may be from now, either way. */
  sinchMaxSkewSeconds: number;
  /** How often at most expired failure counts and nonces are deleted. */
  housekeepingIntervalMs: number;
  clock: () => number;
}

export const DEFAULT_INBOUND_OPTIONS: InboundOptions = {
  maxBodyBytes: MAX_INBOUND_BODY_BYTES,
  // Client addresses come from X-Forwarded-For and can be forged; this limit holds whatever address is claimed.
  failureLimit: 20,
  // Several integrations may call from one address (a gateway): up to four of them misconfigured (a name
  // stops counting once it is locked at 20) do not lock the others; a spray over many names stops at 100.
  addressFailureLimit: 100,
  failureWindowMs: 5 * 60_000,
  maxChecksInFlight: 50,
  verificationTtlMs: 60_000,
  maxRememberedVerifications: 10_000,
  sinchMaxSkewSeconds: 300,
  housekeepingIntervalMs: 60_000,
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
  /** The setting as it stands now, read with the service. */
  useLocalHttpAuthentication: boolean;
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

/**
 * A receiver with its own memory of recent password checks and its own housekeeping; the failure counts
 * and nonces it shares with every receiver on the database. The app uses the one `receiveInbound`, tests
 * make their own.
 */
export function createInboundReceiver(overrides: Partial<InboundOptions> = {}): InboundReceiver {
  const options = { ...DEFAULT_INBOUND_OPTIONS, ...overrides };
  const failures = new SharedFailureLimit({ windowMs: options.failureWindowMs });
  // With each proof, the user's rights as read then: the proof binds the authentication version, which
  // every change of the user's roles, their roles' rights or their own rights bumps.
  const verifications = new RecentVerifications<Rights>({
    ttlMs: options.verificationTtlMs,
    maxEntries: options.maxRememberedVerifications,
    clock: options.clock,
  });
  // Logon key → password checks running now; entries go when their count reaches 0, so this stays small.
  const checking = new Map<string, number>();
  // Proof → the argon2id check running for exactly these credentials: a burst of calls that all miss the
  // memory (at the start, or when a proof expires) waits for one check instead of making one each.
  const verifying = new Map<string, Promise<boolean>>();
  let nextHousekeeping = 0;
  // Calls at once share one audit statement; each answer still waits until its own row is stored.
  const audit = createAuditGroupWriter();

  /** Checks the password with argon2id, within the cap of checks in flight per name; null when over it. */
  async function checkPassword(
    logonKey: string,
    password: string,
    user: { passwordHash: string } | null,
    proof: Buffer,
  ): Promise<boolean | null> {
    const shareKey = proof.toString("base64");
    const shared = verifying.get(shareKey);
    if (shared) return shared;
    const pending = checking.get(logonKey) ?? 0;
    if (pending >= options.maxChecksInFlight) return null;
    checking.set(logonKey, pending + 1);
    // Unknown names cost the same time as known ones, so timing does not tell which names exist.
    const check = user ? verifyPassword(user.passwordHash, password) : verifyAgainstDummy(password);
    verifying.set(shareKey, check);
    try {
      return await check;
    } finally {
      verifying.delete(shareKey);
      const left = (checking.get(logonKey) ?? 1) - 1;
      if (left > 0) checking.set(logonKey, left);
      else checking.delete(logonKey);
    }
  }

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
    // Failures are counted per name, known or not, so the lock tells nothing about which names exist.
    const nameKey = `name ${logonKey}`;
    const addressKey = `address ${request.clientAddress ?? "unknown"}`;
    const { user, byName, byAddress } = await readCaller(logonKey, nameKey, addressKey, now);
    // An unknown name stays out of the audit: it may be a password typed into the wrong field.
    const caller = user ? { id: user.id, logonName: user.logonName } : anonymous;

    // A locked name or address is refused even with the right password, before any check: a remembered
    // proof must not become a way to test guesses past the lock.
    const lock = byName.locked ? byName : byAddress.locked ? byAddress : null;
    if (lock) {
      return {
        status: 429,
        headers: { "Retry-After": String(lock.retryAfterSeconds) },
        reason:
          lock === byName
            ? "too many failed authentications for this logon name"
            : "too many failed authentications from this address",
        caller,
      };
    }

    // Unknown names get a proof too, so that their checks are shared (and capped) exactly as known ones'.
    const proof = verifications.proofOf(user ?? unknownUser(logonKey), credentials.password);
    const remembered = user ? verifications.recall(user.id, proof, now) : undefined;
    let passwordOk = !!remembered;
    if (!remembered) {
      const checked = await checkPassword(logonKey, credentials.password, user, proof);
      if (checked === null) {
        return {
          status: 429,
          headers: { "Retry-After": "1" },
          reason: "too many authentications in progress for this logon name",
          caller,
        };
      }
      passwordOk = checked;
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
      await failures.hit([nameKey, addressKey], now);
      return { status: 401, headers: challenge, reason: refusal ?? "wrong credentials", caller };
    }
    let rights = remembered;
    if (!rights) {
      rights = await loadRights(db(), user.id);
      // From the check itself, not from each call it spared: the proof ends ttlMs after argon2id said yes.
      verifications.remember(user.id, proof, rights, now);
    }
    // Checked on every call, against rights that are current for the user's authentication version.
    if (!mayUseService(rights, service.id)) {
      return { status: 403, reason: "no Use right on this service", caller };
    }
    return { status: 202, reason: "accepted", caller };
  }

  /**
   * The user with this logon key (null if none) and the failure verdicts on the name and the address, in
   * one statement: this runs on every call, and each round trip to the database counts at volume.
   */
  async function readCaller(logonKey: string, nameKey: string, addressKey: string, now: number) {
    const rows = await readRows<CallerRow>(Prisma.sql`
      SELECT k."key", f."failures", ${epochMillis('f."windowStart"')} AS "windowStartMs", u."id", u."logonName", u."kind"::text AS "kind",
             u."enabled", u."passwordHash", u."authVersion"
      FROM (VALUES (${nameKey}), (${addressKey})) AS k ("key")
      LEFT JOIN "InboundFailure" f ON f."key" = k."key"
      LEFT JOIN "User" u ON u."logonKey" = ${logonKey}`);
    const state = (key: string) => {
      const row = rows.find((r) => r.key === key);
      return row && row.failures !== null && row.windowStartMs !== null
        ? { failures: row.failures, windowStart: new Date(row.windowStartMs) }
        : null;
    };
    const found = rows.find((r) => r.id !== null);
    const user =
      found?.id && found.logonName !== null && found.kind !== null && found.enabled !== null
        ? {
            id: found.id,
            logonName: found.logonName,
            kind: found.kind,
            enabled: found.enabled,
            passwordHash: found.passwordHash ?? "",
            authVersion: found.authVersion ?? 0,
          }
        : null;
    return {
      user,
      byName: failures.verdict(state(nameKey), options.failureLimit, now),
      byAddress: failures.verdict(state(addressKey), options.addressFailureLimit, now),
    };
  }

  /** Deletes failure counts whose window has ended and nonces that have expired, at most once an interval. */
  async function housekeeping(now: number): Promise<void> {
    if (now < nextHousekeeping) return;
    nextHousekeeping = now + options.housekeepingIntervalMs;
    try {
      await failures.sweep(now);
      await forgetExpiredNonces(now);
    } catch (error) {
      // The delivery is decided and audited; a failed clean-up is tried again next interval.
      console.error("Inbound housekeeping failed:", error instanceof Error ? error.message : "unknown error");
    }
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
    });
    if (verdict.ok) {
      // Only once everything else holds, so a forged request cannot burn a nonce. A nonce accepted now
      // can come back with a valid signature until its timestamp leaves the window: 2 × skew at most.
      const expiresAt = now + 2 * options.sinchMaxSkewSeconds * 1000;
      if (!(await rememberNonce(service.id, verdict.nonce, now, expiresAt))) {
        return { status: 401, reason: "Sinch signature refused (replayed nonce)", caller };
      }
      return { status: 202, reason: "accepted, Sinch signature verified", caller };
    }
    if (verdict.reason === "no_secret") return { status: 403, reason: "webhook secret is empty", caller };
    return { status: 401, reason: `Sinch signature refused (${verdict.reason.replaceAll("_", " ")})`, caller };
  }

  async function decide(request: InboundRequest, service: Service | null, size: number, now: number): Promise<Outcome> {
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
    if (!service.useLocalHttpAuthentication) {
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
    await audit.record(
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
    await housekeeping(now);
    return outcome.headers ? { status: outcome.status, headers: outcome.headers } : { status: outcome.status };
  };
}

/** A row of readCaller's statement: a failure key with its row (if any), and the user's columns (if any). */
interface CallerRow {
  key: string;
  failures: number | null;
  /** Milliseconds since the epoch: the drivers parse a timestamp column differently. */
  windowStartMs: number | null;
  id: string | null;
  logonName: string | null;
  kind: string | null;
  enabled: boolean | null;
  passwordHash: string | null;
  authVersion: number | null;
}

/** Stands in for a user that does not exist; no user id has a space in it. */
function unknownUser(logonKey: string): VerifiedUser {
  return { id: `unknown ${logonKey}`, passwordHash: "", authVersion: 0, kind: "", enabled: false };
}

type WebhookEntry = { id: string; secretSealed: string | null } | null;

/** The service's entry that holds Sinch's webhook secret, with the sealed secret. */
function webhookEntry(serviceId: string): Promise<WebhookEntry> {
  return db().messagingCredential.findUnique({
    where: { serviceId_authId: { serviceId, authId: SINCH_WEBHOOK_AUTH_ID } },
    select: { id: true, secretSealed: true },
  });
}

/**
 * By id first (ids are uuids), then by name, ignoring case, with the Use Local Http Authentication setting:
 * one statement, as it runs on every call.
 */
async function findService(key: string): Promise<Service | null> {
  // No name holds a control character, and PostgreSQL cannot even compare text holding NUL.
  if (key.length === 0 || key.length > MAX_SERVICE_KEY_LENGTH || /\p{Cc}/u.test(key)) return null;
  const lower = key.toLowerCase();
  const id = UUID.test(key) ? lower : null;
  const rows = await readRows<Omit<Service, "useLocalHttpAuthentication"> & { setting: unknown }>(Prisma.sql`
    SELECT "id", "name", "type",
           (SELECT "value" FROM "Setting" WHERE "key" = 'useLocalHttpAuthentication') AS "setting"
    FROM "MessagingService"
    WHERE "id" = ${id} OR "nameKey" = ${lower}
    ORDER BY ("id" = ${id}) IS TRUE DESC
    LIMIT 1`);
  const row = rows[0];
  if (!row) return null;
  const { setting, ...service } = row;
  return { ...service, useLocalHttpAuthentication: settingFromStored("useLocalHttpAuthentication", setting) };
}

export const receiveInbound: InboundReceiver = createInboundReceiver();
