// One set of schemas for the user forms and the server that re-checks them.
import { z } from "zod";
import { ZNewPassword } from "../auth/password-policy";
import { ZListParams } from "../list/params";
import { ZDeleteRequest, ZId, ZVersion, zLine, zSecretText } from "../schemas";

// Moved to lib/schemas.ts; re-exported so that imports from here keep working.
export { ZDeleteRequest, ZId, ZVersion };

export const ZLogonName = zLine({ max: 64, required: "Enter a logon name." }).regex(
  /^[A-Za-z0-9._@-]+$/,
  "Use letters, digits and . _ @ - only, without spaces.",
);

const name = (label: string) => zLine({ max: 100, required: `Enter a ${label}.` });

export const ZUserFields = z.object({
  firstName: name("first name"),
  lastName: name("last name"),
  logonName: ZLogonName,
  email: z.union([z.literal(""), z.email("Enter a valid e-mail address, or leave it empty.").max(254)]),
  enabled: z.boolean(),
  roleIds: z.array(ZId).max(50),
});

export const ZPasswordPair = z.object({ password: ZNewPassword, confirmPassword: zSecretText(200) });
export const passwordsMatch = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
export const mismatch = { message: "The passwords do not match.", path: ["confirmPassword"] };

export const ZCreateUserRequest = ZUserFields.extend({ kind: z.enum(["console", "external"]) })
  .extend(ZPasswordPair.shape)
  .refine(passwordsMatch, mismatch);

/** The seed's "Create external user for incoming authentication": the mandatory fields only. */
export const ZCreateIncomingUserRequest = ZUserFields.pick({ firstName: true, lastName: true, logonName: true })
  .extend(ZPasswordPair.shape)
  .refine(passwordsMatch, mismatch);

export const ZUpdateUserRequest = ZUserFields.extend({ id: ZId, version: ZVersion });

/** The users list's query string: search, sort, page and kind; anything else falls back to the default. */
export const ZUserListFilter = ZListParams.extend({
  kind: z.enum(["console", "external"]).optional().catch(undefined),
});

export type TUserListFilter = z.infer<typeof ZUserListFilter>;

export const ZResetPasswordRequest = z
  .object({ id: ZId, version: ZVersion, password: ZNewPassword, confirmPassword: zSecretText(200) })
  .refine((v) => v.password === v.confirmPassword, mismatch);

export const ZChangeOwnPasswordRequest = z
  .object({
    currentPassword: zSecretText(200).min(1, "Enter your current password."),
    newPassword: ZNewPassword,
    confirmPassword: zSecretText(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, mismatch);

export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;
export type TCreateIncomingUserRequest = z.infer<typeof ZCreateIncomingUserRequest>;
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;
export type TDeleteRequest = z.infer<typeof ZDeleteRequest>;
export type TResetPasswordRequest = z.infer<typeof ZResetPasswordRequest>;
export type TChangeOwnPasswordRequest = z.infer<typeof ZChangeOwnPasswordRequest>;

export const ZResetSecondFactorRequest = z.object({ id: ZId, version: ZVersion });
export type TResetSecondFactorRequest = z.infer<typeof ZResetSecondFactorRequest>;
