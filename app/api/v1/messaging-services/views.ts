// How a messaging service reads in /api/v1: an allow-list of fields. Secrets are write-only, so a
// credential only says whether its secret is set; no sealed or plain value can be sent.
interface ServiceRecord {
  id: string;
  name: string;
  type: string;
  serviceConnection: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

interface ServiceDetail extends ServiceRecord {
  credentials: { id: string; authId: string; secretSet: boolean }[];
  readiness: string;
  incomingUsers: { id: string; logonName: string; enabled: boolean }[] | null;
}

export function serviceView(service: ServiceRecord) {
  return {
    id: service.id,
    name: service.name,
    type: service.type,
    serviceConnection: service.serviceConnection,
    version: service.version,
    createdAt: service.createdAt.toISOString(),
    updatedAt: service.updatedAt.toISOString(),
  };
}

export function serviceListView(service: ServiceRecord & { readiness: string; _count: { credentials: number } }) {
  return { ...serviceView(service), readiness: service.readiness, credentialCount: service._count.credentials };
}

export function serviceDetailView(service: ServiceDetail) {
  return {
    ...serviceView(service),
    readiness: service.readiness,
    credentials: service.credentials.map((c) => ({
      id: c.id,
      authId: c.authId,
      secret: c.secretSet ? ("set" as const) : ("not set" as const),
    })),
    /** The external users holding Use on this service; null when the token's owner may view no user. */
    incomingUsers:
      service.incomingUsers?.map((u) => ({ id: u.id, logonName: u.logonName, enabled: u.enabled })) ?? null,
  };
}
