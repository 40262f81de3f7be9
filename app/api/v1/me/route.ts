// Who the token acts as, and with which rights (a read-only token's are its owner's view rights).
import { z } from "zod";
import { meView } from "@/lib/auth/api-views";
import { defineApiRoute } from "@/lib/http/define-api-route";

export const GET = defineApiRoute({
  schema: z.object({}),
  input: () => ({}),
  run: async (actor) => actor,
  reply: (actor) => ({ body: meView(actor) }),
});
