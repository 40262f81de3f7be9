// What a custom regex (RE2 syntax, whole-value match) makes of sample values. Nothing is stored.
import { testRegex, ZRegexTestRequest } from "@/lib/communities/mapping-preview";
import { defineApiRoute } from "@/lib/http/define-api-route";

export const POST = defineApiRoute({
  schema: ZRegexTestRequest,
  body: true,
  input: ({ body }) => body,
  run: testRegex,
  reply: (result) => ({ body: result }),
});
