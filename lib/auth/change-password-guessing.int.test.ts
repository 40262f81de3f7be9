// The change-password form's current-password field counts toward the sign-in lockout (issue 6, item 3).
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { appError } from "../testing/app-error";
import { TEST_PASSWORD } from "../testing/constants";
import { makeActor } from "../testing/factories";
import { NEW_PASSWORD, userWithHash } from "../testing/requests";
import { changeOwnPassword } from "../users/service";
import { checkSignIn } from "./sign-in";

const guess = (currentPassword: string) => ({
  currentPassword,
  newPassword: NEW_PASSWORD,
  confirmPassword: NEW_PASSWORD,
});

describe("changeOwnPassword guesses", () => {
  it("locks the logon name after ten wrong current passwords; then the right one is refused too", async () => {
    const actor = await makeActor({ roles: ["operator"] });
    const before = await userWithHash(actor.id);

    const answers: string[] = [];
    for (let i = 1; i <= 15; i++) {
      const error = await appError(changeOwnPassword(actor, guess(`wrong password ${i}`)));
      answers.push(`${error.code}: ${error.fieldErrors.currentPassword?.[0]}`);
    }
    expect(answers.slice(0, 9)).toEqual(Array(9).fill("invalid: This is not your current password."));
    expect(answers[9]).toBe("locked: Too many failed sign-ins. Try again in 15 minutes.");
    for (const answer of answers.slice(10))
      expect(answer).toMatch(/^locked: Too many failed sign-ins\. Try again in 1[45] minutes\.$/);

    const right = await appError(changeOwnPassword(actor, guess(TEST_PASSWORD)));
    expect(right.code).toBe("locked");
    expect(right.fieldErrors.currentPassword?.[0]).toMatch(/^Too many failed sign-ins/);
    expect(await userWithHash(actor.id)).toEqual(before);

    // The same lock holds at the sign-in page.
    expect((await checkSignIn(actor.logonName, TEST_PASSWORD, null)).ok).toBe(false);

    const audit = await db().auditEvent.findMany({ where: { actorId: actor.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      ...Array(10).fill("change_password:failed"),
      "lockout:refused",
      ...Array(6).fill("change_password:refused"),
    ]);
    expect(JSON.stringify(audit)).not.toContain("wrong password");
  });

  it("a right current password clears earlier failures", async () => {
    const actor = await makeActor();
    for (let i = 1; i <= 3; i++) await appError(changeOwnPassword(actor, guess(`wrong password ${i}`)));
    expect(await db().signInThrottle.findUnique({ where: { logonKey: actor.logonName.toLowerCase() } })).toMatchObject({
      failures: 3,
    });

    await changeOwnPassword(actor, guess(TEST_PASSWORD));

    expect(await db().signInThrottle.findUnique({ where: { logonKey: actor.logonName.toLowerCase() } })).toBeNull();
  });
});
