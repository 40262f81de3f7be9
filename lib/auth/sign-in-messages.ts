// What sign-in answers, shared with the login form: the two second-factor answers tell it to show
// (or keep) the code step.
export const WRONG_CREDENTIALS = "The logon name or password is not correct.";
export const CODE_REQUIRED = "Enter the code from your authenticator app.";
export const WRONG_CODE = "This code is not correct or was used already. Enter the current code, or a recovery code.";

export function asksForCode(message: string | null | undefined): boolean {
  return message === CODE_REQUIRED || message === WRONG_CODE;
}
