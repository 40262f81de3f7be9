import type { Metadata } from "next";
import { HistoryLink } from "@/app/(console)/history/_components/history-link";
import { deleteSmsChannelAction } from "@/app/(console)/sms-channels/actions";
import { DeleteButton } from "@/components/forms/delete-button";
import { guardedPage } from "@/components/shell/guarded-page";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { checkSmsKeystore } from "@/lib/sms/keystore";
import { smsChannelCapabilities } from "@/lib/sms/permissions";
import { describePendingChange } from "@/lib/sms/restart";
import { getSmsChannel } from "@/lib/sms/service";
import { ExportButtons } from "../_components/export-buttons";
import { KeystoreReport } from "../_components/keystore-report";
import { KeystoreUpload } from "../_components/keystore-upload";
import { MarkRestartedButton } from "../_components/restart-panel";
import { SmsChannelForm } from "../_components/sms-channel-form";
import { PrivacyNotes, TroubleshootingList } from "../_components/troubleshooting-cards";

export const metadata: Metadata = { title: "SMS channel" };

const when = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

export default guardedPage(async function SmsChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor();
  const { id } = await params;
  const channel = await getSmsChannel(actor, id);
  const may = smsChannelCapabilities(actor, channel);
  const { restart } = channel;
  const report = may.checkKeystore ? await checkSmsKeystore(actor, channel.id) : null;

  return (
    <>
      <PageHeader
        title={channel.name}
        description={`Section ${channel.section} of the SMS (SMPP) driver.`}
        badges={restart.pending ? <Badge tone="warn">Restart pending</Badge> : <Badge tone="good">Up to date</Badge>}
        actions={
          <>
            <HistoryLink objectType="sms_channel" objectId={channel.id} />
            {may.export ? <ExportButtons ids={[channel.id]} maySecrets={may.exportSecrets} /> : null}
            {may.delete ? (
              <DeleteButton
                label="Delete channel"
                what={`SMS channel ${channel.name}`}
                input={{ id: channel.id, version: channel.version }}
                action={deleteSmsChannelAction}
                redirectTo="/sms-channels"
              />
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        <Card
          title="Driver restart"
          description="The driver reads these options only when it starts."
          actions={
            restart.pending && may.markRestarted ? (
              <MarkRestartedButton id={channel.id} version={channel.version} />
            ) : null
          }
        >
          {restart.pending ? (
            <div className="space-y-2 text-sm">
              <p className="text-slate-700">
                {restart.restartedAt
                  ? `Restart pending: these options changed since the driver was marked restarted (${when(restart.restartedAt)}).`
                  : "Restart pending: the driver has not been marked restarted since this channel was added."}
              </p>
              {restart.changes.length > 0 ? (
                <ul aria-label="Changed since the last restart" className="list-inside list-disc font-mono text-xs">
                  {restart.changes.map((change) => (
                    <li key={change.option}>{describePendingChange(change)}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <p className="text-sm text-slate-700">
              Up to date: the driver runs with the options below
              {restart.restartedAt ? ` (marked restarted ${when(restart.restartedAt)})` : ""}.
            </p>
          )}
        </Card>
        <Card title="Options" description={may.modify ? undefined : "You may view this channel but not change it."}>
          <SmsChannelForm
            key={channel.version}
            canSave={may.modify}
            channel={{
              id: channel.id,
              version: channel.version,
              name: channel.name,
              options: channel.options,
              secretsSet: channel.secretsSet,
            }}
          />
        </Card>
        <Card
          title="PKCS#12 check"
          description="Opens the file the path points to with the saved file and certificate passwords, as the driver would at its next start."
        >
          <div className="space-y-4">
            {channel.keystore ? (
              <p className="text-sm text-slate-600">
                Checked file: <strong className="font-medium">{channel.keystore.fileName}</strong>
                {channel.keystore.uploadedAt ? `, uploaded ${when(channel.keystore.uploadedAt)}` : ""}.
              </p>
            ) : (
              <p className="text-sm text-slate-600">No file uploaded yet.</p>
            )}
            {report ? <KeystoreReport report={report} /> : null}
            {may.uploadKeystore ? <KeystoreUpload channelId={channel.id} /> : null}
          </div>
        </Card>
        <Card
          title="Troubleshooting"
          description="What the driver logs when TLS fails, what it means, and which option to check."
        >
          <TroubleshootingList />
        </Card>
        <Card title="Privacy" description="How personal data in SMS is masked: set up outside this channel.">
          <PrivacyNotes />
        </Card>
      </div>
    </>
  );
});
