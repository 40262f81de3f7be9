// The sign-in form's schema (name, password, and the second factor's code when asked for), checked again by the server before anything reaches the database.
import { z } from "zod";
import { zLine, zSecretText } from "../schemas";

export const ZSignInRequest = z.object({
  logonName: zLine({ max: 200, required: "Enter your logon name." }),
  password: zSecretText(200).min(1, "Enter your password."),
  /** The second factor's code or a recovery code; empty until the server asks for it. */
  code: zLine({ max: 40 }).default(""),
});

export type TSignInRequest = z.infer<typeof ZSignInRequest>;
