"use client";
// Downloads channels in the driver's formats (secrets left out), made on the server with the actor's rights.
import { Download } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { exportSmsChannelsAction } from "@/app/(console)/sms-channels/actions";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";

export function ExportButtons({ ids }: { ids?: string[] }) {
  const [pending, startTransition] = useTransition();
  const download = (format: "cfg" | "csv") =>
    startTransition(async () => {
      const result = await callAction(exportSmsChannelsAction, { format, ids });
      if (!result.ok) {
        if (result.code === "unauthenticated") window.location.assign("/login");
        else toast.error(result.formError);
        return;
      }
      const url = URL.createObjectURL(new Blob([result.data.content], { type: result.data.contentType }));
      const link = document.createElement("a");
      link.href = url;
      link.download = result.data.fileName;
      link.click();
      URL.revokeObjectURL(url);
    });
  return (
    <>
      <Button variant="secondary" disabled={pending} onClick={() => download("cfg")}>
        <Download aria-hidden className="size-4" /> Export CFG
      </Button>
      <Button variant="secondary" disabled={pending} onClick={() => download("csv")}>
        <Download aria-hidden className="size-4" /> Export CSV
      </Button>
    </>
  );
}
