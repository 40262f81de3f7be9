// The PKCS#12 check's findings in the driver's words, each linked to the troubleshooting case that
// explains it, and the certificates the file holds.
import { CircleAlert, CircleCheck, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { Pkcs12Report } from "@/lib/sms/pkcs12-check";
import { TROUBLESHOOTING, troubleshootingAnchor } from "@/lib/sms/troubleshooting";

const STATUS = {
  valid: { tone: "good", label: "Valid" },
  "expires-soon": { tone: "warn", label: "Expires within 30 days" },
  expired: { tone: "bad", label: "Expired" },
  "not-yet-valid": { tone: "bad", label: "Not yet valid" },
} as const;

const ICONS = {
  ok: <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-700" />,
  warning: <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-700" />,
  error: <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-red-700" />,
};

const day = (date: Date) => date.toISOString().slice(0, 10);

export function KeystoreReport({ report }: { report: Pkcs12Report }) {
  return (
    <div className="space-y-3">
      <ul aria-label="Findings" className="space-y-1.5 text-sm">
        {report.findings.map((finding) => {
          const help = TROUBLESHOOTING.find((c) => c.id === finding.troubleshooting);
          return (
            <li key={finding.message} className="flex items-start gap-2">
              {ICONS[finding.level]}
              <span>
                {finding.message}{" "}
                {help ? (
                  <a href={`#${troubleshootingAnchor(help.id)}`} className="text-brand-700 underline">
                    Troubleshooting: {help.title}
                  </a>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      {report.certificates.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Certificates in the file</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th className="py-1 pr-3 font-medium">Subject</th>
              <th className="py-1 pr-3 font-medium">Issuer</th>
              <th className="py-1 pr-3 font-medium">Valid</th>
              <th className="py-1 font-medium">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {report.certificates.map((c) => (
              <tr key={`${c.subject}|${c.notAfter.toISOString()}`}>
                <td className="py-1.5 pr-3 font-mono text-xs">{c.subject}</td>
                <td className="py-1.5 pr-3 font-mono text-xs">{c.issuer}</td>
                <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                  {day(c.notBefore)} – {day(c.notAfter)}
                </td>
                <td className="py-1.5">
                  <Badge tone={STATUS[c.status].tone}>{STATUS[c.status].label}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
