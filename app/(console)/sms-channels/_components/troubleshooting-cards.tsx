// The seed's four troubleshooting cases (the PKCS#12 check links here) and its privacy notes.
import { PRIVACY_NOTES, TROUBLESHOOTING, troubleshootingAnchor } from "@/lib/sms/troubleshooting";

export function TroubleshootingList() {
  return (
    <dl className="space-y-4 text-sm">
      {TROUBLESHOOTING.map((c) => (
        <div key={c.id} id={troubleshootingAnchor(c.id)} className="scroll-mt-6 target:rounded-md target:bg-amber-50">
          <dt className="font-medium text-slate-900">{c.title}</dt>
          <dd className="mt-1 space-y-1 text-slate-700">
            <code className="block overflow-x-auto rounded bg-slate-100 px-2 py-1 text-xs">{c.logLine}</code>
            <p>{c.meaning}</p>
            <p>
              <span className="font-medium">Check:</span> {c.check}
            </p>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function PrivacyNotes() {
  return (
    <dl className="space-y-3 text-sm">
      {PRIVACY_NOTES.map((note) => (
        <div key={note.title}>
          <dt className="font-medium text-slate-900">{note.title}</dt>
          <dd className="mt-0.5 text-slate-700">{note.text}</dd>
        </div>
      ))}
    </dl>
  );
}
