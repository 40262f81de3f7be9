"use client";
import { ShieldOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { resetSecondFactorAction } from "@/app/(console)/users/second-factor-actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";

export function ResetSecondFactorButton({
  id,
  version,
  logonName,
}: {
  id: string;
  version: number;
  logonName: string;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title="Reset the second factor?"
      description={`${logonName}'s authenticator and recovery codes stop working and their sessions end. They set up a new authenticator at their next sign-in if a role requires one.`}
      confirmLabel="Reset second factor"
      onConfirm={async () => {
        const result = await resetSecondFactorAction({ id, version });
        if (!result.ok) {
          toast.error(result.formError);
          return;
        }
        toast.success(`Second factor of ${logonName} reset.`);
        router.refresh();
      }}
      trigger={
        <Button variant="danger">
          <ShieldOff aria-hidden className="size-4" /> Reset second factor
        </Button>
      }
    />
  );
}
