import { Badge } from "@/components/ui/badge";

const TONES = { accept: "warn", reject: "neutral", require: "good" } as const;
const WORDS = { accept: "Accept", reject: "Reject", require: "Require" } as const;

/** The community's Signed identities mode at a glance: Accept stands out as the one to avoid in production. */
export function SignedIdentitiesBadge({ mode }: { mode: keyof typeof TONES }) {
  return <Badge tone={TONES[mode]}>{WORDS[mode]}</Badge>;
}
