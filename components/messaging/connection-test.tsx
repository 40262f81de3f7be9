"use client";
import { CircleCheck, CircleX, PlugZap } from "lucide-react";
import { useState } from "react";
import { testConnectionAction } from "@/app/(console)/messaging-services/actions";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ConnectionReport } from "@/lib/messaging/connection-test";

const STEP_LABELS = {
  url: "URL",
  dns: "DNS",
  tcp: "TCP",
  tls: "TLS",
  http: "HTTP request",
  redirect: "Redirect",
} as const;

export function ConnectionTest({ serviceId }: { serviceId: string }) {
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [running, setRunning] = useState(false);
  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        disabled={running}
        onClick={async () => {
          setRunning(true);
          const result = await callAction(testConnectionAction, { id: serviceId });
          setRunning(false);
          if (!result.ok) {
            toast.error(result.formError);
            return;
          }
          setReport(result.data);
        }}
      >
        <PlugZap aria-hidden className="size-4" /> {running ? "Testing… (up to 5 s)" : "Test connection"}
      </Button>
      <div aria-live="polite">
        {report ? (
          <div className="rounded-md border border-slate-200">
            <p
              className={`border-b border-slate-200 px-3 py-2 text-sm font-medium ${report.ok ? "text-emerald-800" : "text-red-800"}`}
            >
              {report.refused
                ? "Not tested: this address may not be reached (see below)."
                : `${report.ok ? "Reached the service" : "Could not reach the service"} in ${report.totalMs} ms${report.httpStatus ? ` — HTTP ${report.httpStatus}` : ""}`}
            </p>
            <ol className="divide-y divide-slate-100 text-sm">
              {report.steps.map((step, index) => (
                // Steps repeat when a redirect is followed; their order is fixed once the report exists.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list never changes once shown
                <li key={index} className="flex items-start gap-2 px-3 py-2">
                  {step.ok ? (
                    <CircleCheck aria-label="passed" className="mt-0.5 size-4 shrink-0 text-emerald-700" />
                  ) : (
                    <CircleX aria-label="failed" className="mt-0.5 size-4 shrink-0 text-red-700" />
                  )}
                  <span className="w-28 shrink-0 font-medium">{STEP_LABELS[step.step]}</span>
                  <span className="flex-1 text-slate-700">{step.detail}</span>
                  <span className="tabular-nums text-slate-500">{step.ms} ms</span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </div>
    </div>
  );
}
