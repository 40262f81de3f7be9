// Messaging services: listing, reading and changing them, with rights checked, secrets sealed and
// every change audited (credentials only as added, replaced, cleared or removed).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { diff } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { db, type Tx } from "../db";
import { invalid, notFound } from "../errors";
import { type MessagingService, Prisma } from "../generated/prisma/client";
import { type Counting, type Page, ZListParams } from "../list/params";
import { readPage } from "../list/sql-page";
import { changeRecord, type RecordKind } from "../records/change";
import { type Scope, scopeOf, scopeWhere } from "../rights/can";
import type { TDeleteRequest } from "../users/schemas";
import { sealCredentialSecret } from "./credential-secret";
import { requireMessagingServiceCapability } from "./permissions";
import {
  loadUseGrants,
  READINESS_COLUMNS,
  READINESS_FILTERS,
  type Readiness,
  readinessOf,
  readinessSql,
  signingEntryId,
  type UseGrants,
} from "./readiness";
import {
  type TCreateMessagingServiceRequest,
  type TCredentialEntry,
  type TUpdateMessagingServiceRequest,
  ZMessagingServiceType,
} from "./schemas";
import { isMessagingServiceType } from "./service-types";

const NAME_TAKEN = "A messaging service with this name exists already.";
const SERVICE: RecordKind = {
  objectType: "messaging_service",
  noun: "messaging service",
  unique: { field: "name", message: NAME_TAKEN },
};

export const SERVICE_SORTS = ["name", "type", "updatedAt"] as const;

/** The services list's query string: search, sort, page, type and readiness; anything else falls back. */
export const ZServiceListFilter = ZListParams.extend({
  type: ZMessagingServiceType.optional().catch(undefined),
  readiness: z.enum(READINESS_FILTERS).optional().catch(undefined),
});

// Services may also ask for "off" (every service that authenticates nobody, when incoming authentication is off).
export type ServiceListFilter = Omit<z.infer<typeof ZServiceListFilter>, "readiness"> & { readiness?: Readiness };

export async function listMessagingServices(actor: Actor, filter: ServiceListFilter, counting: Counting = "exact") {
  await requireMessagingServiceCapability(actor, "list");
  const scope = scopeOf(actor.rights, "messaging_service", "view");
  // The setting and any Use on all services; each row says itself whether a user holds Use on it by id.
  const server = loadUseGrants();
  const read = filter.readiness
    ? server.then((grants) => listPage(scope, filter, counting, grants))
    : listPage(scope, filter, counting, undefined);
  const [grants, { rows, ...page }] = await Promise.all([server, read]);
  return {
    ...page,
    rows: rows.map(({ credentials, signingSecretSet, useGranted, ...row }) => ({
      ...row,
      _count: { credentials },
      readiness: readinessOf(grants, { type: row.type, signingSecretSet, useGranted }),
    })),
    incomingAuthentication: grants.enabled,
  };
}

type ServiceRow = MessagingService & { credentials: number; signingSecretSet: boolean; useGranted: boolean };

/**
 * A page of services and its total, in SQL through the driver (lib/list/sql-page.ts), with what each row's
 * readiness needs (READINESS_COLUMNS). The readiness filter is an EXISTS per service (readinessSql), which
 * Prisma's filters could not say anyway for rights that name objects by id; it needs the server-wide
 * `grants` first.
 */
async function listPage(
  scope: Scope,
  filter: ServiceListFilter,
  counting: Counting,
  grants: UseGrants | undefined,
): Promise<Page<ServiceRow>> {
  const conditions: Prisma.Sql[] = [];
  if (filter.readiness && grants) conditions.push(readinessSql(grants, filter.readiness));
  if (filter.type) conditions.push(Prisma.sql`s."type" = ${filter.type}`);
  return readPage<ServiceRow>(
    filter,
    {
      table: "MessagingService",
      alias: "s",
      scope,
      search: { text: filter.q, columns: ["name"] },
      columns: ["id", "name", "nameKey", "type", "serviceConnection", "version"],
      timestamps: ["createdAt", "updatedAt"],
      related: READINESS_COLUMNS,
      where: conditions,
      sorts: SERVICE_SORTS,
    },
    counting,
  );
}

/** A service as people and the API may see it: each credential says whether its secret is set, never what it is. */
export async function getMessagingService(actor: Actor, id: string) {
  await requireMessagingServiceCapability(actor, "view", { id });
  return messagingServiceDetail(actor, id);
}

/**
 * The same reading without the view right: for the answer to a change the actor has just made (the
 * values are theirs), so that a create or replace answers like a read, credentials and readiness included.
 */
export async function messagingServiceDetail(actor: Actor, id: string) {
  const service = await db().messagingService.findUnique({
    where: { id },
    include: { credentials: { orderBy: { position: "asc" }, omit: { secretSealed: false } } },
  });
  if (!service) throw notFound("This messaging service");
  const grants = await loadUseGrants(id);
  // A logon name is half of a credential pair: only those who may view a user learn theirs.
  const userScope = scopeOf(actor.rights, "user", "view");
  const mayViewUsers = userScope.all || userScope.ids.length > 0;
  const useRight = {
    objectType: "messaging_service" as const,
    access: "use" as const,
    OR: [{ objectId: null }, { objectId: id }],
  };
  const users = mayViewUsers
    ? await db().user.findMany({
        where: {
          ...scopeWhere(userScope),
          kind: "external",
          OR: [{ roles: { some: { role: { rights: { some: useRight } } } } }, { rights: { some: useRight } }],
        },
        select: { id: true, logonName: true, enabled: true },
        orderBy: { logonKey: "asc" },
      })
    : null;
  const credentials = service.credentials.map(({ secretSealed, ...credential }) => ({
    ...credential,
    secretSet: !!secretSealed,
  }));
  const signing = isMessagingServiceType(service.type) ? signingEntryId(service.type) : undefined;
  return {
    ...service,
    credentials,
    readiness: readinessOf(grants, {
      type: service.type,
      signingSecretSet: credentials.some((c) => c.authId === signing && c.secretSet),
      useGranted: grants.granted,
    }),
    /** Null when the actor may view no user at all. */
    incomingUsers: users,
  };
}

export type StoredCredential = { id: string; authId: string; secretSealed: string | null };

/** What the audit trail says about credentials: IDs and what happened to their secrets, never the secrets. */
export function credentialChanges(before: StoredCredential[], after: StoredCredential[]): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const credential of after) {
    const old = before.find((b) => b.id === credential.id);
    if (!old) changes[credential.authId] = "added";
    else if (old.authId !== credential.authId) changes[credential.authId] = `renamed from ${old.authId}`;
    if (old && old.secretSealed !== credential.secretSealed) {
      const what = "secret replaced";
      changes[credential.authId] = changes[credential.authId] ? `${changes[credential.authId]}, ${what}` : what;
    }
  }
  for (const old of before) if (!after.some((a) => a.id === old.id)) changes[old.authId] = "removed";
  return changes;
}

/**
 * The credentials to store for the submitted entries; secrets the form kept stay as they were. Every entry
 * needs its secret: one stored without (cleared before this rule) must get one or go, else it would pass
 * for the service's credentials.
 */
function resolveCredentials(entries: TCredentialEntry[], before: StoredCredential[]): StoredCredential[] {
  const errors: Record<string, string[]> = {};
  const resolved = entries.map((entry, index) => {
    const existing = entry.id ? before.find((b) => b.id === entry.id) : undefined;
    if (entry.id && !existing) {
      errors[`credentials.${index}.authId`] = ["This entry was removed meanwhile; reload the service."];
    }
    const id = existing?.id ?? randomUUID();
    const secretSealed =
      entry.secret.action === "replace"
        ? sealCredentialSecret(id, entry.secret.value)
        : (existing?.secretSealed ?? null);
    if (existing && !secretSealed) {
      errors[`credentials.${index}.secret`] = ["This entry has no secret: enter one, or remove the entry."];
    }
    return { id, authId: entry.authId.trim(), secretSealed };
  });
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return resolved;
}

function snapshot(service: { name: string; type: string; serviceConnection: string }) {
  return { name: service.name, type: service.type, serviceConnection: service.serviceConnection };
}

/** What a revision holds: the whole service, its secrets only sealed (bound to their credential's id). */
function fullSnapshot(
  service: { name: string; type: string; serviceConnection: string },
  credentials: StoredCredential[],
) {
  return {
    ...snapshot(service),
    credentials: credentials.map(({ id, authId, secretSealed }) => ({ id, authId, secretSealed })),
  };
}

/** A deleted service brought back by a restore: its old id, and the version after its last one. */
export interface Revived {
  id: string;
  version: number;
}

type ServiceWithCredentials = Prisma.MessagingServiceGetPayload<{ include: { credentials: true } }>;

const nameTaken = (nameKey: string) => async (tx: Tx, current?: { nameKey: string }) =>
  (!current || current.nameKey !== nameKey) &&
  !!(await tx.messagingService.findUnique({ where: { nameKey }, select: { id: true } }));

const loadWithSecrets = (tx: Tx, id: string) =>
  tx.messagingService.findUnique({
    where: { id },
    include: { credentials: { omit: { secretSealed: false }, orderBy: { position: "asc" } } },
  });

/**
 * `restored`: the credentials of a revision being restored, secrets already sealed; they replace the
 * form's entries (which then only carry their IDs, kept as they are).
 */
export async function createMessagingService(
  actor: Actor,
  input: TCreateMessagingServiceRequest,
  restored?: { revived: Revived; credentials: StoredCredential[] },
) {
  await requireMessagingServiceCapability(actor, "create");
  const credentials = restored?.credentials ?? resolveCredentials(input.credentials, []);
  const nameKey = input.name.toLowerCase();
  return changeRecord<ServiceWithCredentials, MessagingService>(actor, SERVICE, {
    action: restored ? "restore" : "create",
    nameTaken: nameTaken(nameKey),
    apply: async (tx) => {
      const service = await tx.messagingService.create({
        data: {
          ...restored?.revived,
          name: input.name,
          nameKey,
          type: input.type,
          serviceConnection: input.serviceConnection,
          credentials: { create: credentials.map((c, position) => ({ ...c, position })) },
        },
      });
      return {
        result: service,
        objectId: service.id,
        objectName: service.name,
        version: service.version,
        changes: {
          ...diff(null, snapshot(service)),
          credentials: { from: null, to: credentialChanges([], credentials) },
        },
        snapshot: fullSnapshot(service, credentials),
      };
    },
  });
}

/** `restored`: as for createMessagingService, the sealed credentials of a revision being restored. */
export async function updateMessagingService(
  actor: Actor,
  input: TUpdateMessagingServiceRequest,
  restored?: { credentials: StoredCredential[] },
) {
  await requireMessagingServiceCapability(actor, "modify", { id: input.id });
  const nameKey = input.name.toLowerCase();
  return changeRecord<ServiceWithCredentials, MessagingService>(actor, SERVICE, {
    action: restored ? "restore" : "modify",
    current: { load: (tx) => loadWithSecrets(tx, input.id), version: input.version },
    nameTaken: async (tx, before) => {
      if (before && before.type !== input.type)
        throw invalid({ type: ["The type is chosen when the service is added and cannot change."] });
      return nameTaken(nameKey)(tx, before);
    },
    apply: async (tx, before) => {
      if (!before) throw notFound("This messaging service");
      const credentials = restored?.credentials ?? resolveCredentials(input.credentials, before.credentials);
      const service = await tx.messagingService.update({
        where: { id: input.id, version: input.version },
        data: { name: input.name, nameKey, serviceConnection: input.serviceConnection, version: { increment: 1 } },
      });
      // Removed first, so a renamed entry can take an ID another entry gave up.
      await tx.messagingCredential.deleteMany({
        where: { serviceId: service.id, id: { notIn: credentials.map((c) => c.id) } },
      });
      // Renamed entries step aside, so that two entries can swap IDs or pass one on in a single save.
      for (const credential of credentials) {
        if (before.credentials.some((b) => b.id === credential.id && b.authId !== credential.authId)) {
          await tx.messagingCredential.update({
            where: { id: credential.id },
            data: { authId: `renaming:${credential.id}` },
          });
        }
      }
      for (const [position, credential] of credentials.entries()) {
        await tx.messagingCredential.upsert({
          where: { id: credential.id },
          create: { ...credential, position, serviceId: service.id },
          update: { authId: credential.authId, secretSealed: credential.secretSealed, position },
        });
      }
      const credentialDiff = credentialChanges(before.credentials, credentials);
      return {
        result: service,
        objectId: service.id,
        objectName: service.name,
        version: service.version,
        changes: {
          ...diff(snapshot(before), snapshot(service)),
          ...(Object.keys(credentialDiff).length ? { credentials: { from: null, to: credentialDiff } } : {}),
        },
        snapshot: fullSnapshot(service, credentials),
      };
    },
  });
}

export async function deleteMessagingService(actor: Actor, input: TDeleteRequest) {
  await requireMessagingServiceCapability(actor, "delete", { id: input.id });
  await changeRecord<ServiceWithCredentials, void>(actor, SERVICE, {
    action: "delete",
    current: { load: (tx) => loadWithSecrets(tx, input.id), version: input.version },
    apply: async (tx, before) => {
      if (!before) throw notFound("This messaging service");
      await tx.messagingService.delete({ where: { id: input.id, version: input.version } });
      return {
        result: undefined,
        objectId: before.id,
        objectName: before.name,
        version: before.version,
        changes: {
          ...diff(snapshot(before), null),
          credentials: { from: before.credentials.map((c) => c.authId), to: null },
        },
        snapshot: fullSnapshot(before, before.credentials),
      };
    },
  });
}
