import type { Metadata } from "next";
import { guardedPage } from "@/components/shell/guarded-page";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { forbidden } from "@/lib/errors";
import { TRANSFER_AREAS } from "@/lib/transfer/areas";
import { ExportForm } from "./_components/export-form";
import { ImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Import and export" };

export default guardedPage(async function ImportExportPage() {
  const actor = await pageActor();
  const areas = TRANSFER_AREAS.filter((area) => area.mayView(actor)).map(({ key, label }) => ({ key, label }));
  if (areas.length === 0) throw forbidden("You may view none of the areas an export holds.");
  return (
    <>
      <PageHeader
        title="Import and export"
        description="Move configuration between installations, or keep a copy: one JSON document, without secrets."
      />
      <div className="space-y-6">
        <ExportForm areas={areas} />
        <ImportForm />
      </div>
    </>
  );
});
