"use client";
import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/result";
import type { TRestoreRevisionRequest } from "@/lib/revisions/schemas";

export function RestoreButton({
  what,
  version,
  input,
  action,
}: {
  what: string;
  /** The version of the revision being restored, as the list shows it. */
  version: number;
  input: TRestoreRevisionRequest;
  action: (input: TRestoreRevisionRequest) => Promise<ActionResult<{ version: number }>>;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`Restore version ${version}?`}
      description={`${what} gets the values of version ${version} again, saved as a new version. Its history keeps every version.`}
      confirmLabel="Restore"
      onConfirm={async () => {
        const result = await action(input);
        if (!result.ok) {
          toast.error(result.formError);
          return;
        }
        toast.success(`Version ${version} restored as version ${result.data.version}.`);
        router.refresh();
      }}
      trigger={
        <Button variant="secondary" className="whitespace-nowrap px-2.5 py-1 text-xs">
          <RotateCcw aria-hidden className="size-3.5" /> Restore this revision
        </Button>
      }
    />
  );
}
