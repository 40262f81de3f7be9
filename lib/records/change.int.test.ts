import { describe, expect, it } from "vitest";
import { db } from "../db";
import { appError } from "../testing/app-error";
import { bootstrapAdministrator, tableCounts, uniqueName } from "../testing/factories";
import { changeRecord, type RecordKind } from "./change";

const KIND: RecordKind = { objectType: "role", noun: "role", unique: { field: "name", message: "Taken." } };

/** A bare role row, made without the helper. */
async function bareRole() {
  const name = uniqueName("bare");
  return db().role.create({ data: { name, nameKey: name.toLowerCase() } });
}

const outcome = (role: { id: string; name: string; version: number }) => ({
  result: role,
  objectId: role.id,
  objectName: role.name,
  version: role.version,
  changes: {},
  snapshot: { name: role.name },
});

describe("changeRecord", () => {
  it("writes the change, its audit row and its revision, linked, in one go", async () => {
    const admin = await bootstrapAdministrator();
    const role = await bareRole();
    const before = await tableCounts();
    await changeRecord(admin, KIND, {
      action: "modify",
      current: { load: (tx) => tx.role.findUnique({ where: { id: role.id } }), version: role.version },
      apply: async (tx) =>
        outcome(
          await tx.role.update({ where: { id: role.id }, data: { description: "x", version: { increment: 1 } } }),
        ),
    });
    expect(await tableCounts()).toEqual({
      ...before,
      auditEvents: before.auditEvents + 1,
      revisions: before.revisions + 1,
    });
    const revision = await db().revision.findFirstOrThrow({
      where: { objectId: role.id },
      include: { auditEvent: true },
    });
    expect([revision.version, revision.auditEvent.action, revision.auditEvent.objectId]).toEqual([
      2,
      "modify",
      role.id,
    ]);
  });

  it("refuses a missing record and a stale version before anything is applied", async () => {
    const admin = await bootstrapAdministrator();
    const role = await bareRole();
    let applied = 0;
    const change = (version: number, id = role.id) =>
      changeRecord(admin, KIND, {
        action: "modify",
        current: { load: (tx) => tx.role.findUnique({ where: { id } }), version },
        apply: async () => {
          applied += 1;
          return outcome(role);
        },
      });
    expect((await appError(change(role.version + 1))).code).toBe("stale");
    expect((await appError(change(role.version, "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b"))).code).toBe("not_found");
    expect(applied).toBe(0);
  });

  it("maps a unique violation to the field error and a vanished row to stale, leaving nothing behind", async () => {
    const admin = await bootstrapAdministrator();
    const taken = await bareRole();
    const role = await bareRole();
    const before = await tableCounts();
    // The name check raced: the database's unique index has the last word.
    const duplicate = await appError(
      changeRecord(admin, KIND, {
        action: "modify",
        nameTaken: async () => false,
        apply: async (tx) =>
          outcome(await tx.role.update({ where: { id: role.id }, data: { name: taken.name, nameKey: taken.nameKey } })),
      }),
    );
    expect([duplicate.code, duplicate.fieldErrors]).toEqual(["invalid", { name: ["Taken."] }]);
    const vanished = await appError(
      changeRecord(admin, KIND, {
        action: "modify",
        apply: async (tx) => outcome(await tx.role.update({ where: { id: role.id, version: 99 }, data: {} })),
      }),
    );
    expect(vanished.code).toBe("stale");
    expect(await tableCounts()).toEqual(before);
  });

  it("rolls the change and its audit row back when its revision cannot be written", async () => {
    const admin = await bootstrapAdministrator();
    const role = await bareRole();
    const error = await changeRecord(admin, KIND, {
      action: "modify",
      apply: async (tx) => {
        const updated = await tx.role.update({ where: { id: role.id }, data: { description: "lost" } });
        // A revision without a name is refused by the database after the update and the audit row.
        return { ...outcome(updated), objectName: null as unknown as string };
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((await db().role.findUniqueOrThrow({ where: { id: role.id } })).description).toBe("");
    expect(await db().auditEvent.count({ where: { objectId: role.id } })).toBe(0);
  });
});
