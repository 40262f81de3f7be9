// First start: the built-in roles, and an administrator with a one-time password when there is none.
import { randomInt } from "node:crypto";
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { BUILT_IN_ROLES } from "../rights/built-in-roles";
import { hashPassword } from "./password";

const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const SYSTEM = { id: null, logonName: "system", clientAddress: null };

export function randomPassword(length = 20): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** Creates missing built-in roles and re-applies their rights as defined in code. */
export async function ensureBuiltInRoles(): Promise<void> {
  await db().$transaction(async (tx) => {
    for (const def of BUILT_IN_ROLES) {
      const role = await tx.role.upsert({
        where: { builtIn: def.key },
        create: { name: def.name, nameKey: def.name.toLowerCase(), description: def.description, builtIn: def.key },
        update: { description: def.description },
      });
      await tx.roleRight.deleteMany({ where: { roleId: role.id } });
      await tx.roleRight.createMany({
        data: def.rights.map((r) => ({ roleId: role.id, objectType: r.objectType, access: r.access, objectId: null })),
      });
    }
  });
}

export interface FirstAdministrator {
  logonName: string;
  /** Only when generated: the one time it is ever shown. */
  generatedPassword?: string;
}

/** Creates the administrator when no enabled administrator exists; they must change the password at first sign-in. */
export async function ensureAdministrator(): Promise<FirstAdministrator | null> {
  const administrators = await db().user.count({
    where: { enabled: true, kind: "console", roles: { some: { role: { builtIn: "administrator" } } } },
  });
  if (administrators > 0) return null;
  const fromEnv = process.env.SWITCHBOARD_ADMIN_PASSWORD;
  const password = fromEnv || randomPassword();
  const logonName = (process.env.SWITCHBOARD_ADMIN_LOGON || "admin").trim();
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const role = await tx.role.findUniqueOrThrow({ where: { builtIn: "administrator" } });
    const data = { passwordHash, enabled: true, kind: "console" as const, mustChangePassword: true };
    const user = await tx.user.upsert({
      where: { logonKey: logonName.toLowerCase() },
      create: {
        ...data,
        logonName,
        logonKey: logonName.toLowerCase(),
        firstName: "Switchboard",
        lastName: "Administrator",
      },
      update: { ...data, authVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await tx.userRole.upsert({
      where: { userId_roleId: { userId: user.id, roleId: role.id } },
      create: { userId: user.id, roleId: role.id },
      update: {},
    });
    await recordAudit(tx, SYSTEM, {
      action: "create",
      objectType: "user",
      objectId: user.id,
      objectName: user.logonName,
      detail: "First administrator created at start-up",
      changes: { password: "set" },
    });
  });
  return { logonName, generatedPassword: fromEnv ? undefined : password };
}
