import type { Metadata } from "next";
import { pageActor } from "@/lib/auth/page-actor";
import { PASSWORD_MIN } from "@/lib/auth/password-policy";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const actor = await pageActor({ allowPasswordChange: true });
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">
        {actor.mustChangePassword ? "Choose your password" : "Change password"}
      </h1>
      <p className="mb-6 text-sm text-slate-600">
        {actor.mustChangePassword
          ? "Your password was set by someone else. Choose your own before you continue."
          : "Your other sessions end when the password changes."}{" "}
        Use at least {PASSWORD_MIN} characters; a passphrase of a few words works well.
      </p>
      <ChangePasswordForm logonName={actor.logonName} forced={actor.mustChangePassword} />
    </>
  );
}
