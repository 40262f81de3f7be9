"use client";
import { CheckCircle2, XCircle } from "lucide-react";
import { useState } from "react";
import { testJwtAction } from "@/app/(console)/communities/actions";
import { callAction } from "@/components/forms/call-action";
import { FormError } from "@/components/forms/form-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { TJwtTestResponse } from "@/lib/communities/jwt-tester";
import { SIGNED_IDENTITY_CHOICES } from "./signed-identities-text";

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Paste a token, see what the identity endpoint would do with it. Nothing is stored or logged. */
export function JwtTester({ communityId }: { communityId: string }) {
  const [token, setToken] = useState("");
  const [result, setResult] = useState<TJwtTestResponse | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const test = async () => {
    setBusy(true);
    const outcome = await callAction(testJwtAction, { communityId, token });
    setBusy(false);
    if (!outcome.ok) {
      setResult(null);
      setError(outcome.fieldErrors.token?.[0] ?? outcome.formError);
      return;
    }
    setError(undefined);
    setResult(outcome.data);
  };

  return (
    <div className="space-y-4">
      <Field
        id="jwt"
        label="JWT"
        help="The token as the website would pass it (header.payload.signature). It is checked here and forgotten."
      >
        {(a11y) => (
          <textarea
            {...a11y}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            rows={4}
            spellCheck={false}
            autoComplete="off"
            className={`${inputClass} font-mono text-xs`}
          />
        )}
      </Field>
      <div className="flex justify-end">
        <Button variant="secondary" onClick={test} disabled={busy || token.trim().length === 0}>
          {busy ? "Testing…" : "Test token"}
        </Button>
      </div>
      <FormError message={error} />
      {result ? (
        <div className="space-y-4" aria-live="polite">
          <p
            className={`flex items-start gap-2 rounded-md px-3 py-2 text-sm ${result.verified ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
          >
            {result.verified ? (
              <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0" />
            ) : (
              <XCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
            )}
            <span>
              {result.explanation}
              {result.reason ? <code className="ml-2 text-xs">{result.reason}</code> : null}
            </span>
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="mb-1 text-sm font-medium">Header</h3>
              <pre className="max-h-64 overflow-auto rounded-md bg-slate-50 p-3 text-xs">
                {result.header ? json(result.header) : "Could not be decoded."}
              </pre>
            </div>
            <div>
              <h3 className="mb-1 text-sm font-medium">Claims</h3>
              <pre className="max-h-64 overflow-auto rounded-md bg-slate-50 p-3 text-xs">
                {result.claims ? json(result.claims) : "Could not be decoded."}
              </pre>
            </div>
          </div>
          <table className="w-full text-sm">
            <caption className="mb-1 text-left text-sm font-medium">Decision under each mode</caption>
            <tbody>
              {result.decisions.map((decision) => {
                const current = decision.mode === result.currentMode;
                const label = SIGNED_IDENTITY_CHOICES.find((c) => c.mode === decision.mode)?.label ?? decision.mode;
                return (
                  <tr key={decision.mode} className={current ? "bg-brand-50 font-medium" : undefined}>
                    <td className="px-2 py-1.5">
                      {label} {current ? <Badge tone="info">Current</Badge> : null}
                    </td>
                    <td className="px-2 py-1.5">
                      <Badge tone={decision.accepted ? "good" : "bad"}>
                        {decision.accepted ? "Accepted" : "Refused"}
                      </Badge>
                    </td>
                    <td className="px-2 py-1.5 text-slate-600">{decision.accepted ? null : decision.explanation}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
