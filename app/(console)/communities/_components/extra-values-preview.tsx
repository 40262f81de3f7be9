"use client";
import { useState } from "react";
import { previewMappingAction, testRegexAction } from "@/app/(console)/communities/actions";
import { callAction } from "@/components/forms/call-action";
import { FormError } from "@/components/forms/form-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

const SAMPLE = JSON.stringify(
  { uuid: "visitor-1", firstname: "Ada", extra_values: { customer_id: "C-1001" } },
  null,
  2,
);

/** Where an identity's extra values would land under the saved mappings, and a custom regex tried on samples. */
export function ExtraValuesPreview({ communityId }: { communityId: string }) {
  const [identity, setIdentity] = useState(SAMPLE);
  const [preview, setPreview] = useState<{
    fields: Record<string, string>;
    dropped: { source: string; destination: string; reason: string }[];
  } | null>(null);
  const [previewError, setPreviewError] = useState<string>();
  const [pattern, setPattern] = useState("");
  const [samples, setSamples] = useState("");
  const [matches, setMatches] = useState<{ sample: string; matches: boolean }[] | null>(null);
  const [regexError, setRegexError] = useState<string>();

  const runPreview = async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(identity);
    } catch {
      setPreview(null);
      setPreviewError("This is not JSON.");
      return;
    }
    const result = await callAction(previewMappingAction, { communityId, identity: parsed as never });
    setPreview(result.ok ? result.data : null);
    setPreviewError(result.ok ? undefined : (Object.values(result.fieldErrors)[0]?.[0] ?? result.formError));
  };

  const runRegex = async () => {
    const result = await callAction(testRegexAction, { pattern, samples: samples.split("\n").filter((s) => s !== "") });
    setMatches(result.ok ? result.data.results : null);
    setRegexError(result.ok ? undefined : (result.fieldErrors.pattern?.[0] ?? result.formError));
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-3">
        <Field id="preview-identity" label="Identity (JSON, as the website passes it)">
          {(a11y) => (
            <textarea
              {...a11y}
              value={identity}
              onChange={(e) => setIdentity(e.target.value)}
              rows={7}
              spellCheck={false}
              className={`${inputClass} font-mono text-xs`}
            />
          )}
        </Field>
        <Button variant="secondary" onClick={runPreview}>
          Preview mapping
        </Button>
        <FormError message={previewError} />
        {preview ? (
          <ul className="space-y-1 text-sm" aria-label="Mapping preview">
            {Object.entries(preview.fields).map(([destination, value]) => (
              <li key={destination}>
                <Badge tone="good">Filled</Badge> <code>{destination}</code> ← {value}
              </li>
            ))}
            {preview.dropped.map((d) => (
              <li key={`${d.source}-${d.destination}`}>
                <Badge tone="bad">Dropped</Badge> <code>{d.source}</code> → <code>{d.destination}</code>: {d.reason}
              </li>
            ))}
            {Object.keys(preview.fields).length === 0 && preview.dropped.length === 0 ? (
              <li className="text-slate-600">No mapping applies to this identity.</li>
            ) : null}
          </ul>
        ) : null}
      </div>
      <div className="space-y-3">
        <Field id="regex-pattern" label="Custom regex">
          {(a11y) => (
            <input
              {...a11y}
              value={pattern}
              onChange={(e) => setPattern(e.target.value)}
              className={`${inputClass} font-mono`}
            />
          )}
        </Field>
        <Field id="regex-samples" label="Sample values (one per line)">
          {(a11y) => (
            <textarea
              {...a11y}
              value={samples}
              onChange={(e) => setSamples(e.target.value)}
              rows={4}
              className={`${inputClass} font-mono text-xs`}
            />
          )}
        </Field>
        <Button variant="secondary" onClick={runRegex} disabled={pattern === ""}>
          Test regex
        </Button>
        <FormError message={regexError} />
        {matches ? (
          <ul className="space-y-1 text-sm" aria-label="Regex results">
            {matches.map((m) => (
              <li key={m.sample}>
                <Badge tone={m.matches ? "good" : "bad"}>{m.matches ? "Matches" : "No match"}</Badge>{" "}
                <code>{m.sample}</code>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
