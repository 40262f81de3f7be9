// The visitor identity the chat front end passes on, plain or as a JWT's claims: the predefined attributes
// of an Engage Messaging identity and free extra values (key → value). Other claims (exp, iat…) are ignored.
import { z } from "zod";

const attribute = z.string().max(1000, "Use at most 1000 characters.").optional();

export const MAX_EXTRA_VALUES = 100;

export const ZIdentity = z.object({
  uuid: z.string().min(1).max(200, "Use at most 200 characters.").optional(),
  firstname: attribute,
  lastname: attribute,
  screenname: attribute,
  email: attribute,
  phone: attribute,
  avatar_url: attribute,
  extra_values: z
    .record(
      z.string().min(1).max(200),
      z.union([z.string().max(10_000), z.number(), z.boolean()]).transform((value) => String(value)),
    )
    .refine((values) => Object.keys(values).length <= MAX_EXTRA_VALUES, `At most ${MAX_EXTRA_VALUES} extra values.`)
    .optional(),
});

export type TIdentity = z.infer<typeof ZIdentity>;

/** A plain identity is sent as {"identity": {…}}, a signed one as {"jwt": "…"} (or the token as application/jwt). */
export const ZIdentityRequestBody = z.union([
  z.object({
    jwt: z
      .string()
      .min(1)
      .max(64 * 1024),
  }),
  z.object({ identity: z.unknown() }),
]);
