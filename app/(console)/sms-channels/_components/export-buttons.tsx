"use client";
// Downloads channels in the driver's formats, made on the server with the actor's rights. Secrets are
// left out unless "Include secrets" is ticked, offered only to who holds export_secrets (audited).
import { Download } from "lucide-react";
import { useState, useTransition } from "react";
import { exportSmsChannelsAction } from "@/app/(console)/sms-channels/actions";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

export function ExportButtons({ ids, maySecrets = false }: { ids?: string[]; maySecrets?: boolean }) {
  const [pending, startTransition] = useTransition();
  const [withSecrets, setWithSecrets] = useState(false);
  const download = (format: "cfg" | "csv") =>
    startTransition(async () => {
      const result = await callAction(exportSmsChannelsAction, { format, ids, withSecrets: maySecrets && withSecrets });
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
      {maySecrets ? (
        <label
          className="flex items-center gap-2 text-sm text-slate-800"
          title="Secret options in clear in the file; the export is recorded in the audit trail."
        >
          <input
            type="checkbox"
            checked={withSecrets}
            onChange={(event) => setWithSecrets(event.target.checked)}
            className="size-4 rounded border-slate-300"
          />
          Include secrets
        </label>
      ) : null}
      <Button variant="secondary" disabled={pending} onClick={() => download("cfg")}>
        <Download aria-hidden className="size-4" /> Export CFG
      </Button>
      <Button variant="secondary" disabled={pending} onClick={() => download("csv")}>
        <Download aria-hidden className="size-4" /> Export CSV
      </Button>
    </>
  );
}
