import { Badge } from "@/components/ui/badge";
import type { ReferenceOperation } from "@/lib/http/openapi/reference";
import { cn } from "@/lib/ui/cn";
import { FieldTable } from "./field-table";

const METHOD_TONES: Record<string, string> = {
  GET: "bg-sky-50 text-sky-800 ring-sky-200",
  POST: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  PUT: "bg-amber-50 text-amber-900 ring-amber-200",
  DELETE: "bg-red-50 text-red-800 ring-red-200",
};

export function MethodLabel({ method }: { method: string }) {
  return (
    <span
      className={cn(
        "inline-flex w-16 justify-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset",
        METHOD_TONES[method] ?? "bg-slate-100 text-slate-800 ring-slate-200",
      )}
    >
      {method}
    </span>
  );
}

const isSuccess = (status: string) => status.startsWith("2");

export function OperationCard({ operation }: { operation: ReferenceOperation }) {
  const title = `${operation.method} ${operation.path}`;
  const success = operation.responses.filter((response) => isSuccess(response.status));
  const problems = operation.responses.filter((response) => !isSuccess(response.status));
  return (
    <article
      id={operation.id}
      aria-labelledby={`${operation.id}-title`}
      className="scroll-mt-6 rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <header className="border-b border-slate-200 px-5 py-3.5">
        <h3 id={`${operation.id}-title`} className="flex flex-wrap items-center gap-3">
          <MethodLabel method={operation.method} />{" "}
          <code className="font-mono text-sm font-semibold text-slate-900">/api/v1{operation.path}</code>
          <span className="sr-only">: </span>
          <span className="text-sm font-normal text-slate-700">{operation.summary}</span>
          {operation.public ? <Badge tone="info">No token needed</Badge> : null}
        </h3>
        {operation.description ? <p className="mt-1.5 text-sm text-slate-600">{operation.description}</p> : null}
      </header>
      <div className="space-y-4 px-5 py-4">
        {operation.parameters.length > 0 ? (
          <div className="space-y-1.5">
            <h4 className="text-sm font-semibold text-slate-900">Parameters</h4>
            <FieldTable caption={`${title}: parameters`} fields={operation.parameters} />
          </div>
        ) : null}
        {operation.body ? (
          <div className="space-y-1.5">
            <h4 className="text-sm font-semibold text-slate-900">
              Request body <span className="font-normal text-slate-600">(application/json)</span>
            </h4>
            <FieldTable caption={`${title}: request body`} fields={operation.body} />
          </div>
        ) : null}
        <div className="space-y-1.5">
          <h4 className="text-sm font-semibold text-slate-900">Answers</h4>
          {success.map((response) => (
            <div key={response.status} className="space-y-1.5">
              <p className="text-sm text-slate-700">
                <span className="font-mono font-semibold text-emerald-800">{response.status}</span>{" "}
                {response.description}
                {response.headers.length > 0 ? (
                  <span className="text-slate-600"> Headers: {response.headers.join(", ")}.</span>
                ) : null}
              </p>
              {response.fields.length > 0 ? (
                <details className="group">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">
                    Answer fields ({response.fields.length})
                  </summary>
                  <div className="mt-2">
                    <FieldTable
                      caption={`${title}: answer ${response.status}`}
                      fields={response.fields}
                      showRequired={false}
                    />
                  </div>
                </details>
              ) : null}
            </div>
          ))}
          {problems.length > 0 ? (
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label={`${title}: problems`}>
              {problems.map((response) => (
                <li key={response.status}>
                  <abbr title={response.description} className="font-mono font-semibold text-red-800 no-underline">
                    {response.status}
                  </abbr>{" "}
                  <span className="text-slate-600">{shortProblem(response.status)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </article>
  );
}

const SHORT: Record<string, string> = {
  "400": "invalid",
  "401": "no valid token",
  "403": "not allowed",
  "404": "not found",
  "412": "stale version",
  "413": "body too large",
  "415": "not JSON",
  "428": "If-Match missing",
  "429": "too many requests",
};

function shortProblem(status: string) {
  return SHORT[status] ?? "problem";
}
