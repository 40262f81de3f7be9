"use client";
// Uploads the PKCS#12 file the path points to, so the server can check it with the stored passwords.
import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { uploadSmsKeystoreAction } from "@/app/(console)/sms-channels/actions";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

const MAX_BYTES = 64 * 1024;

function base64Of(bytes: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function KeystoreUpload({ channelId }: { channelId: string }) {
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const upload = () =>
    startTransition(async () => {
      if (!file) return setError("Choose the PKCS#12 file.");
      if (file.size > MAX_BYTES)
        return setError("The file is larger than 64 KiB: a PKCS#12 key store is much smaller.");
      const result = await callAction(uploadSmsKeystoreAction, {
        id: channelId,
        fileName: file.name,
        content: base64Of(await file.arrayBuffer()),
      });
      if (result.ok) {
        setError(null);
        toast.success(`${file.name} uploaded; the check below uses it.`);
        router.refresh();
      } else if (result.code === "unauthenticated") window.location.assign("/login");
      else setError(result.fieldErrors.content?.[0] ?? result.formError);
    });
  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        PKCS#12 file (.p12, .pfx)
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={inputId}
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          aria-invalid={!!error}
          aria-describedby={`${inputId}-help${error ? ` ${inputId}-error` : ""}`}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          className="text-sm"
        />
        <Button variant="secondary" onClick={upload} disabled={pending || !file}>
          <Upload aria-hidden className="size-4" />
          {pending ? "Uploading…" : "Upload and check"}
        </Button>
      </div>
      <p id={`${inputId}-help`} className="text-xs text-slate-600">
        At most 64 KiB. Kept sealed on the server, only to check it; the driver still reads the file from the path above
        on its own host.
      </p>
      {error ? (
        <p id={`${inputId}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
