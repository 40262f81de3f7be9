// A short-lived memory of passwords verified with argon2id, so that an integration calling many times a
// second does not pay a full hash on every call. It never holds a password: per user it keeps a proof,
// HMAC-SHA256 under a key made at random when the process starts, over the password and everything the
// verification depended on (the user's password hash, authentication version, kind and enabled flag).
// A new password, a disable, a kind change or a rights change (each changes the hash or bumps the
// version) makes the proof of the next request differ: it misses, and argon2id decides again.
// Beside a proof it can keep what was read with the verification (the user's rights), bound the same way.
// The memory is bounded in size and in time, and lives in one process (each process verifies once).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface VerifiedUser {
  id: string;
  passwordHash: string;
  authVersion: number;
  kind: string;
  enabled: boolean;
}

export interface RecentVerificationsOptions {
  /** How long a proof holds after the argon2id verification that made it. */
  ttlMs: number;
  /** Most users remembered at once; the oldest proof goes first. */
  maxEntries: number;
  clock?: () => number;
}

interface Entry<T> {
  proof: Buffer;
  value: T;
  expires: number;
}

export class RecentVerifications<T> {
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly clock: () => number;
  private readonly key = randomBytes(32);
  // User id → proof, in the order they were made (a renewed one is re-inserted), so the oldest is first.
  private readonly entries = new Map<string, Entry<T>>();

  constructor({ ttlMs, maxEntries, clock = Date.now }: RecentVerificationsOptions) {
    if (!(ttlMs > 0)) throw new Error("ttlMs must be positive.");
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new Error("maxEntries must be a whole number, 1 or more.");
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** The proof of this password for this user as the database has them now. */
  proofOf(user: VerifiedUser, password: string): Buffer {
    const mac = createHmac("sha256", this.key);
    // Each field with its length first, so that no two different inputs give the same bytes.
    for (const field of [
      user.id,
      user.passwordHash,
      String(user.authVersion),
      user.kind,
      String(user.enabled),
      password,
    ]) {
      const bytes = Buffer.from(field, "utf8");
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      mac.update(length).update(bytes);
    }
    return mac.digest();
  }

  /**
   * What was remembered with this proof, if argon2id accepted its password for this user within the last
   * ttlMs; undefined otherwise.
   */
  recall(userId: string, proof: Buffer, now: number = this.clock()): T | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    if (now >= entry.expires) {
      this.entries.delete(userId);
      return undefined;
    }
    return timingSafeEqual(entry.proof, proof) ? entry.value : undefined;
  }

  /** Remembers a proof after argon2id accepted its password; it replaces the user's previous one. */
  remember(userId: string, proof: Buffer, value: T, now: number = this.clock()): void {
    this.entries.delete(userId);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(userId, { proof, value, expires: now + this.ttlMs });
  }

  /** Users remembered now, including expired ones not yet dropped. */
  get size(): number {
    return this.entries.size;
  }

  /** Everything held, for tests that check no password is among it. */
  held(): readonly Readonly<Entry<T>>[] {
    return [...this.entries.values()];
  }
}
