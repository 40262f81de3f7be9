// Marking the driver restarted for one channel: If-Match names the version the caller saw pending, so a
// change saved since is not cleared unseen.
import { defineApiRoute } from "@/lib/http/define-api-route";
import { restartedView } from "@/lib/sms/api-views";
import { ZMarkRestartedRequest } from "@/lib/sms/schemas";
import { markSmsDriverRestarted } from "@/lib/sms/service";

export const POST = defineApiRoute({
  schema: ZMarkRestartedRequest,
  ifMatch: true,
  input: ({ params, version }: { params: { id: string }; version: number | undefined }) => ({ id: params.id, version }),
  run: markSmsDriverRestarted,
  reply: (marked) => ({
    body: restartedView(marked),
    version: marked.version,
  }),
});
