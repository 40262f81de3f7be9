import type { Metadata } from "next";
import { guardedPage } from "@/components/shell/guarded-page";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { viewableAreas } from "@/lib/transfer/export";
import { DriverImportForm } from "./_components/driver-import-form";
import { ExportForm } from "./_components/export-form";
import { ImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Import and export" };

export default guardedPage(async function ImportExportPage() {
  const actor = await pageActor();
  const areas = (await viewableAreas(actor)).map(({ key, label }) => ({ key, label }));
  return (
    <>
      <PageHeader
        title="Import and export"
        description="Move configuration between installations, or keep a copy: one JSON document, without secrets."
      />
      <div className="space-y-6">
        <ExportForm areas={areas} />
        <ImportForm />
        {areas.some((area) => area.key === "smsChannels") ? <DriverImportForm /> : null}
      </div>
    </>
  );
});
