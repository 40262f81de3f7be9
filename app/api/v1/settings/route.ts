// The server variables, each with its version (0 until first saved).
import { z } from "zod";
import { defineApiRoute } from "@/lib/http/define-api-route";
import type { TSettingListResponse } from "@/lib/settings/api-views";
import { listSettings } from "@/lib/settings/service";

export const GET = defineApiRoute({
  schema: z.object({}),
  input: () => ({}),
  run: (actor) => listSettings(actor),
  reply: (settings) => ({ body: { rows: settings } satisfies TSettingListResponse }),
});
