import type { Metadata } from "next";
import { ApiTokenForm } from "@/components/forms/api-token-form";
import { RevokeTokenButton } from "@/components/forms/revoke-token-button";
import { Table, Td, Th } from "@/components/lists/table";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { apiTokenCapabilities } from "@/lib/api-tokens/permissions";
import { listAllApiTokens, listOwnApiTokens } from "@/lib/api-tokens/service";
import { pageActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: "API tokens" };

interface Listed {
  id: string;
  name: string;
  prefix: string;
  readOnly: boolean;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  revokedAt: Date | null;
  user?: { logonName: string };
}

const when = (date: Date | null) => (date ? `${date.toISOString().replace("T", " ").slice(0, 16)} UTC` : "—");

function Status({ token, now }: { token: Listed; now: Date }) {
  if (token.revokedAt) return <Badge tone="bad">Revoked</Badge>;
  if (token.expiresAt && token.expiresAt <= now) return <Badge>Expired</Badge>;
  return <Badge tone="good">Active</Badge>;
}

function TokenTable({
  caption,
  tokens,
  showOwner,
  canRevoke,
}: {
  caption: string;
  tokens: Listed[];
  showOwner: boolean;
  canRevoke: (token: Listed) => boolean;
}) {
  const now = new Date();
  return (
    <Table
      caption={caption}
      empty={tokens.length === 0 ? "No tokens yet." : undefined}
      head={
        <>
          <Th>Name</Th>
          {showOwner ? <Th>Owner</Th> : null}
          <Th>Token</Th>
          <Th>Access</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Expires</Th>
          <Th>Status</Th>
          <Th end>
            <span className="sr-only">Actions</span>
          </Th>
        </>
      }
    >
      {tokens.map((token) => (
        <tr key={token.id}>
          <Td className="font-medium text-slate-900">{token.name}</Td>
          {showOwner ? <Td>{token.user?.logonName}</Td> : null}
          <Td className="font-mono text-xs">{token.prefix}…</Td>
          <Td>{token.readOnly ? "Read-only" : "Full"}</Td>
          <Td className="whitespace-nowrap tabular-nums">{when(token.createdAt)}</Td>
          <Td className="whitespace-nowrap tabular-nums">{token.lastUsedAt ? when(token.lastUsedAt) : "Never"}</Td>
          <Td className="whitespace-nowrap tabular-nums">{token.expiresAt ? when(token.expiresAt) : "Never"}</Td>
          <Td>
            <Status token={token} now={now} />
          </Td>
          <Td className="text-right">
            {!token.revokedAt && canRevoke(token) ? <RevokeTokenButton id={token.id} name={token.name} /> : null}
          </Td>
        </tr>
      ))}
    </Table>
  );
}

export default async function ApiTokensPage() {
  const actor = await pageActor();
  const own = await listOwnApiTokens(actor);
  const all = apiTokenCapabilities(actor).viewAll ? await listAllApiTokens(actor) : null;
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let scripts use the REST API (/api/v1) as you, with your current rights. The{" "}
            <Link href="/api-docs" className="font-medium text-brand-700 underline">
              API reference
            </Link>{" "}
            shows its operations and how to call them.
          </>
        }
      />
      <div className="space-y-6">
        <Card title="New token">
          <ApiTokenForm />
        </Card>
        <section aria-label="Your tokens" className="space-y-2">
          <h2 className="text-base font-semibold text-slate-900">Your tokens</h2>
          <TokenTable
            caption="Your tokens"
            tokens={own}
            showOwner={false}
            canRevoke={(token) => apiTokenCapabilities(actor, token).revoke}
          />
        </section>
        {all ? (
          <section aria-label="All tokens" className="space-y-2">
            <h2 className="text-base font-semibold text-slate-900">All users' tokens</h2>
            <TokenTable
              caption="All users' tokens"
              tokens={all}
              showOwner
              canRevoke={(token) => apiTokenCapabilities(actor, token).revoke}
            />
          </section>
        ) : null}
      </div>
    </>
  );
}
