"use client";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { addJwtKeyAction, removeJwtKeyAction } from "@/app/(console)/communities/actions";
import { applyResult } from "@/components/forms/apply-result";
import { callAction } from "@/components/forms/call-action";
import { FormError } from "@/components/forms/form-error";
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { Table, Td, Th } from "@/components/lists/table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import type { JwtKeyView } from "@/lib/communities/service";

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "Never");

const keyFormResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/communities/schemas").then((m) => m.ZJwtKeyForm)),
);

export function JwtKeysSection({
  communityId,
  version,
  mode,
  keys,
  canModify,
}: {
  communityId: string;
  version: number;
  mode: string;
  keys: JwtKeyView[];
  canModify: boolean;
}) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const form = useForm({
    resolver: keyFormResolver,
    defaultValues: { keyId: "", kind: "hmac" as "hmac" | "rsa", secret: "", publicKey: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = form.watch("kind");
  const old = keys.filter((key) => key.olderThanSixMonths);

  const onAdd = form.handleSubmit(async ({ keyId, kind, secret, publicKey }) => {
    const input =
      kind === "hmac"
        ? { communityId, version, keyId, kind, secret }
        : { communityId, version, keyId, kind, publicKey };
    const result = await callAction(addJwtKeyAction, input);
    // The secret leaves the form whatever happened: it is never kept in the page.
    form.setValue("secret", "");
    if (applyResult(result, form.setError, `JWT key ${keyId} added. The other keys still verify.`)) {
      form.reset();
      setAdding(false);
      router.refresh();
    }
  });

  const remove = async (keyId: string) => {
    const result = await callAction(removeJwtKeyAction, { communityId, version, keyId });
    if (!result.ok) {
      toast.error(result.fieldErrors.keyId?.[0] ?? result.formError);
      return;
    }
    toast.success(`JWT key ${keyId} removed: identities signed with it are refused from now on.`);
    router.refresh();
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Rotate a key without coordinating deployments: add the new key, switch the website to it, and remove the old key
        once nothing uses it. Adding a key never replaces or disables another.
      </p>
      {old.length > 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Older than 6 months: {old.map((k) => k.keyId).join(", ")}. Consider rotating{" "}
          {old.length === 1 ? "it" : "them"}.
        </p>
      ) : null}
      <Table
        caption="JWT keys"
        empty={keys.length === 0 ? <p>No JWT key yet: signed identities cannot be verified.</p> : undefined}
        head={
          <>
            <Th>Key ID</Th>
            <Th>Type</Th>
            <Th>Key</Th>
            <Th>Added</Th>
            <Th>Last verified</Th>
            {canModify ? <Th end>Remove</Th> : null}
          </>
        }
      >
        {keys.map((key) => (
          <tr key={key.keyId}>
            <Td className="font-mono">
              {key.keyId} {key.olderThanSixMonths ? <Badge tone="warn">Older than 6 months</Badge> : null}
            </Td>
            <Td>{key.kind === "rsa" ? "RSA SHA256" : "HMAC SHA256"}</Td>
            <Td className="text-slate-600">
              {key.kind === "rsa" ? (
                <span>
                  {key.keyBits} bits
                  <span className="block max-w-xs break-all font-mono text-xs">SHA-256 {key.fingerprint}</span>
                </span>
              ) : (
                <Badge tone="good">Secret set</Badge>
              )}
            </Td>
            <Td className="text-slate-600">
              {when(key.createdAt)}
              <span className="block text-xs">by {key.createdBy || "unknown"}</span>
            </Td>
            <Td className="text-slate-600">{when(key.lastVerifiedAt)}</Td>
            {canModify ? (
              <Td className="text-right">
                <ConfirmDialog
                  title={`Remove JWT key ${key.keyId}?`}
                  description={
                    mode === "require" && keys.length === 1
                      ? "This is the last key and the community requires signed identities: the removal will be refused. Choose another mode or add a key first."
                      : "Identities signed with this key will be refused from the moment it is removed. Remove it only once the website no longer uses it."
                  }
                  confirmLabel="Remove key"
                  onConfirm={() => remove(key.keyId)}
                  trigger={
                    <Button variant="ghost" aria-label={`Remove JWT key ${key.keyId}`}>
                      <Trash2 aria-hidden className="size-4" />
                    </Button>
                  }
                />
              </Td>
            ) : null}
          </tr>
        ))}
      </Table>
      {canModify && !adding ? (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          Add JWT key
        </Button>
      ) : null}
      {canModify && adding ? (
        <LiveForm onSubmit={onAdd} noValidate className="space-y-4 rounded-md border border-slate-200 p-4">
          <h3 className="text-sm font-semibold">Add a JWT key</h3>
          <div className="max-w-sm">
            <Field
              id="keyId"
              label="Key ID"
              help='The "kid" the website puts in the JWT header: a-z, 0-9 and _, no spaces.'
              error={errors.keyId?.message}
              required
            >
              {(a11y) => <input {...a11y} {...form.register("keyId")} className={inputClass} autoComplete="off" />}
            </Field>
          </div>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-800">Signature</legend>
            <div className="flex gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" value="hmac" {...form.register("kind")} /> HMAC SHA256 (shared secret)
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" value="rsa" {...form.register("kind")} /> RSA SHA256 (public key)
              </label>
            </div>
          </fieldset>
          {kind === "hmac" ? (
            <div className="max-w-sm">
              <Field
                id="secret"
                label="Secret"
                help="Exactly 24 characters, each 0-9 or a-f, used as the website's JWT library takes a string secret. It is stored sealed and never shown again."
                error={errors.secret?.message}
                required
              >
                {(a11y) => (
                  <input
                    {...a11y}
                    {...form.register("secret")}
                    type="password"
                    autoComplete="new-password"
                    className={`${inputClass} font-mono`}
                  />
                )}
              </Field>
            </div>
          ) : (
            <Field
              id="publicKey"
              label="Public key (PEM)"
              help="An RSA public key of at least 2048 bits, from -----BEGIN PUBLIC KEY-----. Never paste the private key."
              error={errors.publicKey?.message}
              required
            >
              {(a11y) => (
                <textarea
                  {...a11y}
                  {...form.register("publicKey")}
                  rows={8}
                  className={`${inputClass} font-mono text-xs`}
                />
              )}
            </Field>
          )}
          <FormError message={errors.root?.server?.message} />
          <div className="flex justify-end gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                form.reset();
                setAdding(false);
              }}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Adding…" : "Add key"}
            </Button>
          </div>
        </LiveForm>
      ) : null}
    </div>
  );
}
