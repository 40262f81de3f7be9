"use client";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/result";

export function DeleteButton({
  label,
  what,
  input,
  action,
  redirectTo,
}: {
  label: string;
  what: string;
  input: { id: string; version: number };
  action: (input: { id: string; version: number }) => Promise<ActionResult<unknown>>;
  redirectTo: string;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`${label}?`}
      description={`${what} will be deleted. This cannot be undone.`}
      confirmLabel="Delete"
      onConfirm={async () => {
        const result = await callAction(action, input);
        if (!result.ok) {
          toast.error(result.formError);
          return;
        }
        toast.success(`${what} deleted.`);
        router.push(redirectTo);
      }}
      trigger={
        <Button variant="danger">
          <Trash2 aria-hidden className="size-4" /> {label}
        </Button>
      }
    />
  );
}
