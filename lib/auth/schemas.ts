// The sign-in form's schema, checked again by the server before anything reaches the database.
import { z } from "zod";
import { zLine, zSecretText } from "../schemas";

export const ZSignInRequest = z.object({
  logonName: zLine({ max: 200, required: "Enter your logon name." }),
  password: zSecretText(200).min(1, "Enter your password."),
});

export type TSignInRequest = z.infer<typeof ZSignInRequest>;
