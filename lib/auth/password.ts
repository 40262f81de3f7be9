// Password hashing with argon2id at OWASP's recommended cost (m=19456 KiB, t=2, p=1).
import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2's default algorithm is argon2id; its Algorithm enum is a const enum that
// isolated modules cannot import, so the default is relied on and a test asserts the "$argon2id$" prefix.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, for logon names that do not exist. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("switchboard-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
