import { Badge } from "@/components/ui/badge";
import { READINESS_LABELS, type Readiness } from "@/lib/messaging/readiness";

const tones = { ready: "good", missing: "bad", not_needed: "neutral", off: "neutral" } as const;

export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  return <Badge tone={tones[readiness]}>{READINESS_LABELS[readiness]}</Badge>;
}
