// One server variable: read with its ETag, replace its value with If-Match naming the version read.
import { z } from "zod";
import { defineApiRoute } from "@/lib/http/define-api-route";
import type { TSettingResponse } from "@/lib/settings/api-views";
import { getSetting } from "@/lib/settings/get-setting";
import { updateSetting, ZUpdateSettingRequest } from "@/lib/settings/service";

type Params = { key: string };

export const GET = defineApiRoute({
  schema: z.object({ key: z.string().max(100) }),
  input: ({ params }: { params: Params }) => ({ key: params.key }),
  run: (actor, input) => getSetting(actor, input.key),
  reply: (setting) => ({ body: setting satisfies TSettingResponse, version: setting.version }),
});

export const PUT = defineApiRoute({
  schema: ZUpdateSettingRequest,
  body: true,
  ifMatch: true,
  input: ({ params, body, version }: { params: Params; body: unknown; version: number | undefined }) => ({
    value: (body as { value?: unknown } | null)?.value,
    key: params.key,
    version,
  }),
  run: async (actor, input) => {
    const row = await updateSetting(actor, input);
    return { key: input.key, value: row.value, version: row.version };
  },
  reply: (setting) => ({ body: setting, version: setting.version }),
});
