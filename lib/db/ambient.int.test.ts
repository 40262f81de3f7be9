import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createRole } from "../roles/service";
import { bootstrapAdministrator, tableCounts, uniqueName } from "../testing/factories";
import { runInTransaction, withSavepoint } from "./ambient";
import { db, rootDb } from "./index";

const role = (name: string) => ({ name, description: "", rights: [] });

describe("the ambient transaction", () => {
  it("makes the services' own transactions join it, and a savepoint undoes one failed step", async () => {
    const admin = await bootstrapAdministrator();
    const before = await tableCounts();
    const first = uniqueName("amb");
    const steps = await runInTransaction(
      rootDb(),
      async () => {
        const made = await withSavepoint(() => createRole(admin, role(first)));
        // The same name again: the service refuses it inside the transaction, which stays usable.
        const taken = await withSavepoint(() => createRole(admin, role(first.toUpperCase())));
        const seen = await db().role.count({ where: { nameKey: first.toLowerCase() } });
        return {
          made: made.ok,
          taken: !taken.ok && taken.error instanceof AppError ? taken.error.fieldErrors : null,
          seen,
        };
      },
      { timeout: 20_000 },
    );
    expect(steps).toEqual({ made: true, taken: { name: ["A role with this name exists already."] }, seen: 1 });
    expect(await tableCounts()).toEqual({
      ...before,
      roles: before.roles + 1,
      auditEvents: before.auditEvents + 1,
      revisions: before.revisions + 1,
    });
  });

  it("writes nothing when the callback throws", async () => {
    const admin = await bootstrapAdministrator();
    const before = await tableCounts();
    await expect(
      runInTransaction(
        rootDb(),
        async () => {
          await createRole(admin, role(uniqueName("amb")));
          throw new Error("roll back");
        },
        { timeout: 20_000 },
      ),
    ).rejects.toThrow("roll back");
    expect(await tableCounts()).toEqual(before);
  });
});
