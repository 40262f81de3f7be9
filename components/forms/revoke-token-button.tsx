"use client";
import { Ban } from "lucide-react";
import { useRouter } from "next/navigation";
import { revokeApiTokenAction } from "@/app/(console)/api-tokens/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`Revoke ${name}?`}
      description={`Requests with the token ${name} are refused from now on. This cannot be undone.`}
      confirmLabel="Revoke"
      onConfirm={async () => {
        const result = await revokeApiTokenAction({ id });
        if (!result.ok) {
          toast.error(result.formError);
          return;
        }
        toast.success(`Token ${name} revoked.`);
        router.refresh();
      }}
      trigger={
        <Button variant="secondary" aria-label={`Revoke ${name}`}>
          <Ban aria-hidden className="size-4" /> Revoke
        </Button>
      }
    />
  );
}
