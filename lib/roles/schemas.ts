// One set of schemas for the role forms and the server that re-checks them.
import { z } from "zod";
import { ACCESSES, isApplicable, OBJECT_TYPES } from "../rights/catalog";
import { ZId, ZVersion, zLine, zMultiline } from "../schemas";

export const ZRight = z
  .object({
    objectType: z.enum(OBJECT_TYPES),
    access: z.enum(ACCESSES),
    objectId: ZId.nullable(),
  })
  .refine((r) => isApplicable(r.objectType, r.access), { message: "This access does not apply to this object type." });

export const ZRoleFields = z.object({
  name: zLine({ max: 80, required: "Enter a name." }),
  description: zMultiline({ max: 500 }),
  rights: z.array(ZRight).max(500),
  /** Members must use a second factor; left out, a role keeps what it had (new roles: no). */
  requiresSecondFactor: z.boolean().optional(),
});

export const ZCreateRoleRequest = ZRoleFields;
export const ZUpdateRoleRequest = ZRoleFields.extend({ id: ZId, version: ZVersion });

export type TRight = z.infer<typeof ZRight>;
export type TCreateRoleRequest = z.infer<typeof ZCreateRoleRequest>;
export type TUpdateRoleRequest = z.infer<typeof ZUpdateRoleRequest>;
