import type { Metadata } from "next";
import { HistoryLink } from "@/app/(console)/history/_components/history-link";
import { SettingHostList } from "@/components/forms/setting-host-list";
import { SettingSwitch } from "@/components/forms/setting-switch";
import { guardedPage } from "@/components/shell/guarded-page";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { SETTINGS } from "@/lib/settings/catalog";
import { settingsCapabilities } from "@/lib/settings/permissions";
import { listSettings } from "@/lib/settings/service";

export const metadata: Metadata = { title: "Settings" };

export default guardedPage(async function SettingsPage() {
  const actor = await pageActor();
  const settings = await listSettings(actor);
  const canModify = settingsCapabilities(actor).modify;
  const sections = [...new Set(settings.map((setting) => SETTINGS[setting.key].section))];
  return (
    <>
      <PageHeader
        title="Settings"
        description="Server variables. Changes take effect at once and are recorded in the audit trail."
      />
      <div className="space-y-6">
        {sections.map((section) => (
          <Card key={section} title={section}>
            <ul className="divide-y divide-slate-100">
              {settings
                .filter((setting) => SETTINGS[setting.key].section === section)
                .map((setting) => {
                  const definition = SETTINGS[setting.key];
                  const { value } = setting;
                  return (
                    <li key={setting.key} className="space-y-3 py-3">
                      <div className="flex items-start justify-between gap-6">
                        <div>
                          <p className="text-sm font-medium text-slate-900">{definition.label}</p>
                          <p className="mt-0.5 max-w-2xl text-sm text-slate-600">{definition.help}</p>
                          <div className="mt-1 -ml-2">
                            <HistoryLink objectType="settings" objectId={setting.key} of={definition.label} compact />
                          </div>
                        </div>
                        {typeof value === "boolean" ? (
                          <div className="flex items-center gap-2">
                            <span className="text-sm text-slate-700">{value ? "On" : "Off"}</span>
                            <SettingSwitch
                              key={setting.version}
                              settingKey={setting.key}
                              label={definition.label}
                              value={value}
                              version={setting.version}
                              disabled={!canModify}
                            />
                          </div>
                        ) : null}
                      </div>
                      {Array.isArray(value) ? (
                        <SettingHostList
                          key={setting.version}
                          settingKey={setting.key}
                          label={definition.label}
                          value={value}
                          version={setting.version}
                          disabled={!canModify}
                        />
                      ) : null}
                    </li>
                  );
                })}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
});
