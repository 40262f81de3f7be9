"use client";
import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markSmsDriverRestartedAction } from "@/app/(console)/sms-channels/actions";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

/** Marks the driver restarted for the version the operator sees pending. */
export function MarkRestartedButton({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await callAction(markSmsDriverRestartedAction, { id, version });
          if (result.ok) {
            toast.success("Marked as restarted: nothing is pending for this channel.");
            router.refresh();
          } else if (result.code === "unauthenticated") window.location.assign("/login");
          else toast.error(result.formError);
        })
      }
    >
      <RotateCcw aria-hidden className="size-4" />
      {pending ? "Marking…" : "Mark driver restarted"}
    </Button>
  );
}
