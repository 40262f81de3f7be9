// The channel's PKCS#12 file: POST uploads it (base64, at most 64 KiB) to be kept sealed for checking;
// GET answers the check with the stored passwords (findings and certificates; never the file or a password).
import { z } from "zod";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { ZId } from "@/lib/schemas";
import { keystoreCheckView, keystoreUploadedView } from "@/lib/sms/api-views";
import { checkSmsKeystore, uploadSmsKeystore } from "@/lib/sms/keystore";
import { ZUploadKeystoreRequest } from "@/lib/sms/schemas";

type Params = { id: string };

export const GET = defineApiRoute({
  schema: z.object({ id: ZId }),
  input: ({ params }: { params: Params }) => ({ id: params.id }),
  run: (actor, input) => checkSmsKeystore(actor, input.id),
  reply: (report) => ({ body: keystoreCheckView(report) }),
});

export const POST = defineApiRoute({
  schema: ZUploadKeystoreRequest,
  body: true,
  input: ({ params, body }: { params: Params; body: unknown }) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    id: params.id,
  }),
  run: uploadSmsKeystore,
  reply: (uploaded) => ({ body: keystoreUploadedView(uploaded) }),
});
