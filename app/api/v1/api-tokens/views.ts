// How an API token reads in /api/v1: never its hash; its text only in the answer that created it.
interface TokenRecord {
  id: string;
  name: string;
  prefix: string;
  readOnly: boolean;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  revokedAt: Date | null;
  userId: string;
  user?: { id: string; logonName: string };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function apiTokenView(token: TokenRecord) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    readOnly: token.readOnly,
    expiresAt: iso(token.expiresAt),
    lastUsedAt: iso(token.lastUsedAt),
    createdAt: token.createdAt.toISOString(),
    revokedAt: iso(token.revokedAt),
    owner: { id: token.userId, logonName: token.user?.logonName ?? null },
  };
}
