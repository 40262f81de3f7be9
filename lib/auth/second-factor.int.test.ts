// The TOTP second factor: enrolment, sign-in with it, recovery codes, throttling, a role that
// requires it, and an administrator's reset (issue 6, item 10).
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { updateRole } from "../roles/service";
import { appError } from "../testing/app-error";
import { TEST_PASSWORD } from "../testing/constants";
import { actorFor, actorWithRights, bootstrapAdministrator, makeActor, makeRole } from "../testing/factories";
import { resetSecondFactor } from "../users/service";
import type { Actor } from "./actor";
import { RECOVERY_CODE_COUNT } from "./recovery-codes";
import {
  confirmEnrolment,
  disableSecondFactor,
  getSecondFactorStatus,
  regenerateRecoveryCodes,
  startEnrolment,
} from "./second-factor";
import { CODE_REQUIRED, checkSignIn, WRONG_CODE } from "./sign-in";
import { TOTP_PERIOD } from "./totp";

/** The code an authenticator app shows `steps` periods from now. */
const codeAt = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * TOTP_PERIOD, period: TOTP_PERIOD });

const userRow = (id: string) =>
  db().user.findUniqueOrThrow({ where: { id }, omit: { totpSecretSealed: false, totpPendingSealed: false } });

const auditOf = (id: string) =>
  db().auditEvent.findMany({ where: { objectId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] });

const throttleOf = (actor: Actor) =>
  db().signInThrottle.findUnique({ where: { logonKey: actor.logonName.toLowerCase() } });

async function enrol(actor: Actor) {
  await startEnrolment(actor);
  const status = await getSecondFactorStatus(actor);
  const secret = status.pending?.secret ?? "";
  const { recoveryCodes } = await confirmEnrolment(actor, { code: await codeAt(secret) });
  return { secret, recoveryCodes };
}

describe("enrolment", () => {
  it("seals a pending secret, confirms it with a code, and answers ten recovery codes kept only as hashes", async () => {
    const actor = await makeActor({ roles: ["operator"] });

    await startEnrolment(actor);
    const pending = await userRow(actor.id);
    const status = await getSecondFactorStatus(actor);
    const secret = status.pending?.secret ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(status.pending?.uri).toContain(`secret=${secret}`);
    expect(status.enabledAt).toBeNull();
    expect(pending.totpPendingSealed).toMatch(/^v1:/);
    expect(pending.totpPendingSealed).not.toContain(secret);
    expect(pending.totpSecretSealed).toBeNull();

    const wrong = await appError(
      confirmEnrolment(actor, { code: (Number(await codeAt(secret)) + 1).toString().padStart(6, "0").slice(-6) }),
    );
    expect(wrong.fieldErrors.code?.[0]).toMatch(/not correct/);
    expect((await throttleOf(actor))?.failures).toBe(1);

    const { recoveryCodes } = await confirmEnrolment(actor, { code: await codeAt(secret) });

    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    const after = await userRow(actor.id);
    expect(after.totpSecretSealed).toBe(pending.totpPendingSealed);
    expect(after.totpPendingSealed).toBeNull();
    expect(after.totpEnabledAt).toBeInstanceOf(Date);
    expect(after.totpLastStep).toBe(Math.floor(Date.now() / 1000 / TOTP_PERIOD));
    const stored = await db().recoveryCode.findMany({ where: { userId: actor.id }, omit: { codeHash: false } });
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code);
    expect(await throttleOf(actor)).toBeNull();

    const audit = await auditOf(actor.id);
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      "second_factor_enrol:success",
      "second_factor_enrol:failed",
      "second_factor_enrol:success",
    ]);
    expect(audit[2]?.changes).toEqual({ secondFactor: "set", recoveryCodes: "set" });
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect((await getSecondFactorStatus(actor)).pending).toBeNull();
  });

  it("refuses a second set-up while one is on, and any set-up for an external user", async () => {
    const actor = await makeActor();
    await enrol(actor);
    expect((await appError(startEnrolment(actor))).message).toMatch(/set up already/);

    const external = await makeActor({ kind: "external", roles: ["integration"] });
    expect((await appError(startEnrolment(external))).message).toMatch(/External users/);
    expect((await userRow(external.id)).totpPendingSealed).toBeNull();
  });
});

describe("signing in with a second factor", () => {
  it("asks for the code after the right password without counting a failure, then takes a fresh code once", async () => {
    const actor = await makeActor();
    const { secret } = await enrol(actor);

    expect(await checkSignIn(actor.logonName, TEST_PASSWORD, null)).toEqual({ ok: false, message: CODE_REQUIRED });
    expect(await throttleOf(actor)).toMatchObject({ failures: 0 });
    // A wrong password never reaches the code question.
    expect(await checkSignIn(actor.logonName, "wrong password 1", null, await codeAt(secret, 1))).toMatchObject({
      ok: false,
      message: "The logon name or password is not correct.",
    });

    // The code that confirmed the set-up was used already.
    expect(await checkSignIn(actor.logonName, TEST_PASSWORD, null, await codeAt(secret))).toEqual({
      ok: false,
      message: WRONG_CODE,
    });
    expect(await checkSignIn(actor.logonName, TEST_PASSWORD, null, "000000")).toMatchObject({ ok: false });

    const next = await codeAt(secret, 1);
    expect((await checkSignIn(actor.logonName, TEST_PASSWORD, null, next)).ok).toBe(true);
    expect(await throttleOf(actor)).toBeNull();
    // Replayed: the same code again, as a second sign-in would send it.
    expect(await checkSignIn(actor.logonName, TEST_PASSWORD, null, next)).toEqual({ ok: false, message: WRONG_CODE });

    const failed = (
      await db().auditEvent.findMany({ where: { actorId: actor.id, action: "sign_in", outcome: "failed" } })
    )
      .map((a) => a.detail)
      .sort();
    expect(failed).toEqual([
      "Wrong or already used authenticator code",
      "Wrong or already used authenticator code",
      "Wrong or already used authenticator code",
      "Wrong password",
    ]);
  });

  it("takes each recovery code once, and audits its use", async () => {
    const actor = await makeActor();
    const { recoveryCodes } = await enrol(actor);
    const [first, second] = recoveryCodes;

    expect((await checkSignIn(actor.logonName, TEST_PASSWORD, null, first!.toUpperCase())).ok).toBe(true);
    expect(await checkSignIn(actor.logonName, TEST_PASSWORD, null, first!)).toEqual({ ok: false, message: WRONG_CODE });
    expect((await checkSignIn(actor.logonName, TEST_PASSWORD, null, second!)).ok).toBe(true);

    const used = await db().auditEvent.findMany({
      where: { actorId: actor.id, action: "recovery_code_use" },
      orderBy: { at: "asc" },
    });
    expect(used.map((a) => a.detail)).toEqual([
      "Signed in with a recovery code; 9 left",
      "Signed in with a recovery code; 8 left",
    ]);
    expect(JSON.stringify(used)).not.toContain(first!);
    expect((await getSecondFactorStatus(actor)).recoveryCodesLeft).toBe(8);
  });

  it("counts wrong codes toward the lockout; once locked, the right code is refused", async () => {
    const actor = await makeActor();
    const { secret } = await enrol(actor);
    await db().signInThrottle.create({ data: { logonKey: actor.logonName.toLowerCase(), failures: 8 } });

    expect(await checkSignIn(actor.logonName, TEST_PASSWORD, null, "123 456")).toMatchObject({ message: WRONG_CODE });
    const tenth = await checkSignIn(actor.logonName, TEST_PASSWORD, null, "abcde-fghjk");
    expect(tenth).toEqual({ ok: false, message: "Too many failed sign-ins. Try again in 15 minutes." });

    const right = await checkSignIn(actor.logonName, TEST_PASSWORD, null, await codeAt(secret, 1));
    expect(right).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many failed sign-ins/) });
    // The refused code was not used up: it still works once the lock has ended.
    await db().signInThrottle.deleteMany({ where: { logonKey: actor.logonName.toLowerCase() } });
    expect((await checkSignIn(actor.logonName, TEST_PASSWORD, null, await codeAt(secret, 1))).ok).toBe(true);
  });
});

describe("turning it off and new recovery codes", () => {
  it("needs a current code or the password, counts wrong ones, and audits the change", async () => {
    const actor = await makeActor();
    const { secret, recoveryCodes } = await enrol(actor);

    const wrong = await appError(disableSecondFactor(actor, { proof: "not my password" }));
    expect(wrong.fieldErrors.proof?.[0]).toMatch(/neither a current code/);
    expect((await throttleOf(actor))?.failures).toBe(1);

    const fresh = await regenerateRecoveryCodes(actor, { proof: TEST_PASSWORD });
    expect(fresh.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(await checkSignIn(actor.logonName, TEST_PASSWORD, null, recoveryCodes[0]!)).toMatchObject({ ok: false });

    await disableSecondFactor(actor, { proof: await codeAt(secret, 1) });
    const after = await userRow(actor.id);
    expect(after).toMatchObject({ totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db().recoveryCode.count({ where: { userId: actor.id } })).toBe(0);
    expect((await checkSignIn(actor.logonName, TEST_PASSWORD, null)).ok).toBe(true);
    const actions = (await auditOf(actor.id)).map((a) => `${a.action}:${a.outcome}`);
    expect(actions).toContain("recovery_codes_replace:success");
    expect(actions).toContain("second_factor_disable:failed");
    expect(actions).toContain("second_factor_disable:success");
  });
});

describe("a role that requires a second factor", () => {
  it("makes its members enrol first, and keeps them from turning it off", async () => {
    const admin = await bootstrapAdministrator();
    const role = await makeRole({ rights: [{ objectType: "messaging_service", access: "view" }] });
    const member = await makeActor({ roles: [role.id] });
    expect(member.mustEnrolSecondFactor).toBe(false);

    await updateRole(admin, {
      id: role.id,
      version: role.version,
      name: role.name,
      description: "",
      requiresSecondFactor: true,
      rights: role.rights.map((r) => ({ objectType: r.objectType, access: r.access, objectId: r.objectId })),
    });
    const audit = await auditOf(role.id);
    expect(audit.at(-1)?.changes).toMatchObject({ requiresSecondFactor: { from: false, to: true } });

    const required = await actorFor(member.id);
    expect(required.mustEnrolSecondFactor).toBe(true);
    expect((await getSecondFactorStatus(required)).requiredBy).toEqual([role.name]);

    const { secret } = await enrol(required);
    const enrolled = await actorFor(member.id);
    expect(enrolled.mustEnrolSecondFactor).toBe(false);
    const refused = await appError(disableSecondFactor(enrolled, { proof: await codeAt(secret, 1) }));
    expect(refused.message).toMatch(new RegExp(`Your role ${role.name} requires a second factor`));
    expect((await userRow(member.id)).totpEnabledAt).not.toBeNull();
  });
});

describe("resetSecondFactor", () => {
  it("clears another user's second factor and ends their sessions", async () => {
    const admin = await bootstrapAdministrator();
    const actor = await makeActor({ roles: ["operator"] });
    await enrol(actor);
    const before = await userRow(actor.id);

    await resetSecondFactor(admin, { id: actor.id, version: before.version });

    const after = await userRow(actor.id);
    expect(after).toMatchObject({
      totpSecretSealed: null,
      totpEnabledAt: null,
      totpLastStep: null,
      authVersion: before.authVersion + 1,
      version: before.version + 1,
    });
    expect(await db().recoveryCode.count({ where: { userId: actor.id } })).toBe(0);
    expect((await auditOf(actor.id)).at(-1)).toMatchObject({
      action: "reset_second_factor",
      actorId: admin.id,
      changes: { secondFactor: "cleared", recoveryCodes: "cleared" },
    });
    // Enrolling and the reset each wrote a revision of the user; none holds the secret.
    const revisions = await db().revision.findMany({
      where: { objectType: "user", objectId: actor.id },
      orderBy: { version: "asc" },
    });
    expect(revisions.map((r) => `${r.action}:${r.version}`)).toEqual([
      `modify:${before.version}`,
      `modify:${after.version}`,
    ]);
    expect(JSON.stringify(revisions)).not.toMatch(/totp|sealed/i);
    expect((await checkSignIn(actor.logonName, TEST_PASSWORD, null)).ok).toBe(true);
  });

  it("is refused on a user who holds rights the actor lacks, on oneself, and without user.modify", async () => {
    const admin = await bootstrapAdministrator();
    const adminUser = await userRow(admin.id);
    await db().user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date(), totpSecretSealed: "v1:x" } });
    try {
      const modifier = await actorWithRights([
        { objectType: "user", access: "view" },
        { objectType: "user", access: "modify" },
      ]);
      const escalation = await appError(resetSecondFactor(modifier, { id: admin.id, version: adminUser.version }));
      expect(escalation.code).toBe("forbidden");
      expect((await userRow(admin.id)).totpEnabledAt).not.toBeNull();

      const viewer = await actorWithRights([{ objectType: "user", access: "view" }]);
      const target = await makeActor();
      await enrol(target);
      const version = (await userRow(target.id)).version;
      expect((await appError(resetSecondFactor(viewer, { id: target.id, version }))).code).toBe("forbidden");

      const self = await appError(resetSecondFactor(admin, { id: admin.id, version: adminUser.version }));
      expect(self.message).toMatch(/your own second factor/);
      expect((await userRow(target.id)).totpEnabledAt).not.toBeNull();
    } finally {
      await db().user.update({ where: { id: admin.id }, data: { totpEnabledAt: null, totpSecretSealed: null } });
    }
  });
});
