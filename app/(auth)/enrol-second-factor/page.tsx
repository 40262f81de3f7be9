import type { Metadata } from "next";
import { SecondFactorSection } from "@/components/second-factor/second-factor-section";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { pageActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: "Set up a second factor" };

// Members of a role that requires a second factor land here after signing in until they set one up.
export default async function EnrolSecondFactorPage() {
  const actor = await pageActor({ allowSecondFactorEnrolment: true });
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Set up a second factor</h1>
      <p className="mb-6 text-sm text-slate-600">
        {actor.mustEnrolSecondFactor
          ? "Set it up before you continue to the console."
          : "Signing in will ask for a code from your authenticator app."}
      </p>
      <SecondFactorSection actor={actor} afterCodes="/" />
      {/* Without the phone at hand, the user can only leave and come back later. */}
      <div className="mt-6 border-t border-slate-200 pt-4">
        <SignOutButton className="-ml-2.5" />
      </div>
    </>
  );
}
