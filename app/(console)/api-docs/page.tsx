// The REST API's reference for people: the OpenAPI document that GET /api/v1/openapi.json serves, read
// back into operations by tag. Server-rendered; any signed-in user may read it (it holds no data).
import { Download } from "lucide-react";
import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { openApiDocument } from "@/lib/http/openapi/document";
import { apiReference } from "@/lib/http/openapi/reference";
import { MethodLabel, OperationCard } from "./_components/operation-card";

export const metadata: Metadata = { title: "API reference" };

const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8125rem] text-slate-900";

export default async function ApiDocsPage() {
  await pageActor();
  const tags = apiReference(openApiDocument());
  return (
    <>
      <PageHeader
        title="API reference"
        description="The REST configuration API at /api/v1: everything the console configures, with the same rights, checks and audit."
        actions={
          <a
            href="/api/v1/openapi.json"
            download="switchboard-openapi.json"
            className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
          >
            <Download aria-hidden className="size-4" />
            Download openapi.json
          </a>
        }
      />
      <div className="space-y-6">
        <Card title="How to call the API">
          <dl className="grid gap-4 text-sm text-slate-700 md:grid-cols-3">
            <div>
              <dt className="font-semibold text-slate-900">Authenticate</dt>
              <dd className="mt-1 space-y-1">
                <p>
                  Send <code className={code}>Authorization: Bearer &lt;token&gt;</code> with every request. Create a
                  token on the{" "}
                  <Link href="/api-tokens" className="font-medium text-brand-700 underline">
                    API tokens
                  </Link>{" "}
                  page; it acts with your current rights (a read-only token only reads).
                </p>
                <p>Session cookies do not work here.</p>
              </dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">Change with the version you read</dt>
              <dd className="mt-1 space-y-1">
                <p>
                  A read sends the record's version as <code className={code}>ETag: W/"3"</code>. Send it back in{" "}
                  <code className={code}>If-Match</code> to replace or delete the record.
                </p>
                <p>Without it the answer is 428; if the record changed since, 412 and nothing is written.</p>
              </dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">Read errors</dt>
              <dd className="mt-1 space-y-1">
                <p>
                  Failures are <code className={code}>application/problem+json</code> (RFC 9457):{" "}
                  <code className={code}>type</code>, <code className={code}>title</code>,{" "}
                  <code className={code}>status</code>, <code className={code}>detail</code>, and for 400{" "}
                  <code className={code}>errors</code>: each field's messages, as the console's form shows them.
                </p>
              </dd>
            </div>
          </dl>
          <pre className="mt-4 overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs leading-relaxed text-slate-100">
            {`curl -H "Authorization: Bearer $TOKEN" https://<this server>/api/v1/roles?q=night
curl -X PUT -H "Authorization: Bearer $TOKEN" -H 'If-Match: W/"3"' \\
     -H "Content-Type: application/json" -d @role.json https://<this server>/api/v1/roles/<id>`}
          </pre>
        </Card>

        <nav aria-label="Operations" className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
          <h2 className="text-base font-semibold text-slate-900">Operations</h2>
          <div className="mt-3 grid gap-x-8 gap-y-4 md:grid-cols-2">
            {tags.map((tag) => (
              <div key={tag.name}>
                <h3 className="text-sm font-semibold text-slate-900">
                  <a href={`#tag-${slug(tag.name)}`} className="hover:underline">
                    {tag.name}
                  </a>
                </h3>
                <ul className="mt-1.5 space-y-1">
                  {tag.operations.map((operation) => (
                    <li key={operation.id}>
                      <a href={`#${operation.id}`} className="group flex items-center gap-2 text-sm">
                        <MethodLabel method={operation.method} />{" "}
                        <span className="font-mono text-xs text-slate-800 group-hover:underline">{operation.path}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </nav>

        {tags.map((tag) => (
          <section key={tag.name} aria-labelledby={`tag-${slug(tag.name)}`} className="space-y-3">
            <h2 id={`tag-${slug(tag.name)}`} className="scroll-mt-6 text-lg font-semibold text-slate-900">
              {tag.name}
            </h2>
            {tag.operations.map((operation) => (
              <OperationCard key={operation.id} operation={operation} />
            ))}
          </section>
        ))}
      </div>
    </>
  );
}

function slug(text: string) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
