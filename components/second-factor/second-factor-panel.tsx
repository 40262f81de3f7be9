"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useForm } from "react-hook-form";
import {
  confirmEnrolmentAction,
  disableSecondFactorAction,
  regenerateRecoveryCodesAction,
  startEnrolmentAction,
} from "@/app/(console)/account/security/actions";
import { applyResult } from "@/components/forms/apply-result";
import { FormError } from "@/components/forms/form-error";
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
// The user's own second factor: set up (QR code, key, first code), the recovery codes shown once,
// then turning it off or replacing the recovery codes with a current code or the password.
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";

const confirmEnrolmentRequestResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/auth/second-factor-schemas").then((m) => m.ZConfirmEnrolmentRequest)),
);
const identityProofRequestResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/auth/second-factor-schemas").then((m) => m.ZIdentityProofRequest)),
);

export interface SecondFactorView {
  enabledOn: string | null;
  pendingKey: string | null;
  recoveryCodesLeft: number;
  requiredBy: string[];
}

export function SecondFactorPanel({
  status,
  qr,
  afterCodes,
}: {
  status: SecondFactorView;
  /** The QR code of the pending set-up, drawn on the server. */
  qr: ReactNode;
  /** Where to go once the recovery codes are saved; without it the page reloads. */
  afterCodes?: string;
}) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          if (afterCodes) window.location.assign(afterCodes);
          else router.refresh();
        }}
      />
    );
  }
  if (status.enabledOn) return <Enabled status={status} onCodes={setCodes} />;
  if (status.pendingKey) return <Confirm keyText={status.pendingKey} qr={qr} onCodes={setCodes} />;
  return <Start requiredBy={status.requiredBy} />;
}

function Start({ requiredBy }: { requiredBy: string[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p>
        With a second factor, signing in needs a 6-digit code from an authenticator app on your phone (any app for
        time-based codes, RFC 6238) besides your password.
      </p>
      {requiredBy.length > 0 ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
          Your role {requiredBy.join(", ")} requires a second factor.
        </p>
      ) : null}
      <Button
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await startEnrolmentAction({});
          setBusy(false);
          if (!result.ok) {
            toast.error(result.formError);
            return;
          }
          router.refresh();
        }}
      >
        {busy ? "Preparing…" : "Set up an authenticator app"}
      </Button>
    </div>
  );
}

function Confirm({ keyText, qr, onCodes }: { keyText: string; qr: ReactNode; onCodes: (codes: string[]) => void }) {
  const router = useRouter();
  const form = useForm({ resolver: confirmEnrolmentRequestResolver, defaultValues: { code: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await confirmEnrolmentAction(values);
    if (applyResult(result, form.setError, "Second factor set up.")) onCodes(result.data.recoveryCodes);
  });
  const grouped = keyText.match(/.{1,4}/g)?.join(" ") ?? keyText;

  return (
    // Side by side where there is room (the security page), stacked in the narrow set-up card.
    <div className="@container">
      <div className="grid gap-6 @xl:grid-cols-[auto_1fr]">
        <div className="space-y-2">
          {qr}
          <p className="text-xs text-slate-600">Scan with your authenticator app.</p>
        </div>
        <div className="space-y-4 text-sm text-slate-700">
          <div>
            <p className="font-medium text-slate-800">Cannot scan? Type this key into the app</p>
            <code
              id="totp-key"
              className="mt-1 inline-block rounded bg-slate-100 px-2 py-1 font-mono text-base tracking-wider text-slate-900"
            >
              {grouped}
            </code>
            <p className="mt-1 text-xs text-slate-600">Time-based, 6 digits, every 30 seconds.</p>
          </div>
          <LiveForm onSubmit={onSubmit} noValidate className="space-y-3">
            <Field id="code" label="Code from the app" error={errors.code?.message} required>
              {(a11y) => (
                <input
                  {...a11y}
                  {...form.register("code")}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  className={`${inputClass} max-w-40 font-mono tracking-widest`}
                />
              )}
            </Field>
            <FormError message={errors.root?.server?.message} />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Checking…" : "Confirm and turn on"}
              </Button>
              <Button
                variant="secondary"
                onClick={async () => {
                  const result = await startEnrolmentAction({});
                  if (!result.ok) toast.error(result.formError);
                  form.reset();
                  router.refresh();
                }}
              >
                Start over with a new key
              </Button>
            </div>
          </LiveForm>
        </div>
      </div>
    </div>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
        Save these recovery codes somewhere safe now: they are shown only this once. Each one signs you in once in place
        of a code, if you lose your phone.
      </p>
      <ul aria-label="Recovery codes" className="grid max-w-md grid-cols-2 gap-2 font-mono text-base text-slate-900">
        {codes.map((code) => (
          <li key={code} className="rounded bg-slate-100 px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => copyCodes(codes)}>
          Copy codes
        </Button>
        <Button onClick={onDone}>I have saved them</Button>
      </div>
    </div>
  );
}

/** The clipboard needs a secure context and the user's permission: say whether the copy worked. */
async function copyCodes(codes: string[]) {
  try {
    if (!navigator.clipboard) throw new Error("no clipboard");
    await navigator.clipboard.writeText(codes.join("\n"));
    toast.success("Recovery codes copied.");
  } catch {
    toast.error("This browser did not allow copying: select the codes and copy them yourself.");
  }
}

function Enabled({ status, onCodes }: { status: SecondFactorView; onCodes: (codes: string[]) => void }) {
  const router = useRouter();
  const form = useForm({ resolver: identityProofRequestResolver, defaultValues: { proof: "" } });
  const { errors, isSubmitting } = form.formState;
  const required = status.requiredBy.length > 0;

  const replaceCodes = form.handleSubmit(async (values) => {
    const result = await regenerateRecoveryCodesAction(values);
    if (applyResult(result, form.setError, "New recovery codes made; the old ones no longer work.")) {
      form.reset();
      onCodes(result.data.recoveryCodes);
    }
  });
  const turnOff = form.handleSubmit(async (values) => {
    const result = await disableSecondFactorAction(values);
    if (applyResult(result, form.setError, "Second factor turned off.")) {
      form.reset();
      router.refresh();
    }
  });

  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p>
        On since {status.enabledOn}. Signing in asks for a code from your authenticator app. {status.recoveryCodesLeft}{" "}
        of 10 recovery codes left.
      </p>
      {required ? (
        <p>Your role {status.requiredBy.join(", ")} requires a second factor, so it cannot be turned off.</p>
      ) : null}
      <LiveForm onSubmit={replaceCodes} noValidate className="space-y-3">
        <Field
          id="proof"
          label="Code from your app, or your password"
          help={
            required
              ? "Needed to make new recovery codes."
              : "Needed to make new recovery codes or to turn the second factor off."
          }
          error={errors.proof?.message}
          required
        >
          {(a11y) => (
            <input
              {...a11y}
              {...form.register("proof")}
              type="password"
              autoComplete="current-password"
              className={`${inputClass} max-w-sm`}
            />
          )}
        </Field>
        <FormError message={errors.root?.server?.message} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" disabled={isSubmitting}>
            Make new recovery codes
          </Button>
          {required ? null : (
            <Button variant="danger" disabled={isSubmitting} onClick={turnOff}>
              Turn off second factor
            </Button>
          )}
        </div>
      </LiveForm>
    </div>
  );
}
