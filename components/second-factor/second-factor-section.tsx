// The second-factor panel with what it needs loaded on the server: the status and the QR code.
import type { Actor } from "@/lib/auth/actor";
import { getSecondFactorStatus } from "@/lib/auth/second-factor";
import { QrCode } from "./qr-code";
import { SecondFactorPanel } from "./second-factor-panel";

export async function SecondFactorSection({ actor, afterCodes }: { actor: Actor; afterCodes?: string }) {
  const status = await getSecondFactorStatus(actor);
  return (
    <SecondFactorPanel
      status={{
        enabledOn: status.enabledAt ? status.enabledAt.toISOString().slice(0, 10) : null,
        pendingKey: status.pending?.secret ?? null,
        recoveryCodesLeft: status.recoveryCodesLeft,
        requiredBy: status.requiredBy,
      }}
      qr={status.pending ? <QrCode text={status.pending.uri} label="QR code for your authenticator app" /> : null}
      afterCodes={afterCodes}
    />
  );
}
