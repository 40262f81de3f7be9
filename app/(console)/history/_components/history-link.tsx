import { History } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";

/** The way from a record's page to its history (versions, differences, restore). */
export function HistoryLink({
  objectType,
  objectId,
  compact = false,
  of,
}: {
  objectType: string;
  objectId: string;
  compact?: boolean;
  /** Names the record where several history links share a page (for screen readers; not a label of the field). */
  of?: string;
}) {
  return (
    <ButtonLink
      href={`/history/${objectType}/${encodeURIComponent(objectId)}`}
      variant={compact ? "ghost" : "secondary"}
      className={compact ? "px-2 py-1 text-xs" : undefined}
    >
      <History aria-hidden className={compact ? "size-3.5" : "size-4"} /> History
      {of ? <span className="sr-only"> of {of}</span> : null}
    </ButtonLink>
  );
}
