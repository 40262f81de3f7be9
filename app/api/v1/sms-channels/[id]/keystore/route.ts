// The channel's PKCS#12 file: POST uploads it (base64, at most 64 KiB) to be kept sealed for checking;
// GET answers the check with the stored passwords (findings and certificates; never the file or a password).
import { z } from "zod";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { ZId } from "@/lib/schemas";
import { checkSmsKeystore, uploadSmsKeystore } from "@/lib/sms/keystore";
import { ZUploadKeystoreRequest } from "@/lib/sms/schemas";

type Params = { id: string };

export const GET = defineApiRoute({
  schema: z.object({ id: ZId }),
  input: ({ params }: { params: Params }) => ({ id: params.id }),
  run: (actor, input) => checkSmsKeystore(actor, input.id),
  reply: (report) => ({
    body: report
      ? {
          uploaded: true,
          ...report,
          certificates: report.certificates.map((c) => ({
            ...c,
            notBefore: c.notBefore.toISOString(),
            notAfter: c.notAfter.toISOString(),
          })),
        }
      : { uploaded: false },
  }),
});

export const POST = defineApiRoute({
  schema: ZUploadKeystoreRequest,
  body: true,
  input: ({ params, body }: { params: Params; body: unknown }) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    id: params.id,
  }),
  run: uploadSmsKeystore,
  reply: (uploaded) => ({
    body: { id: uploaded.id, fileName: uploaded.fileName, uploadedAt: uploaded.uploadedAt.toISOString() },
  }),
});
