// A set whose members expire after `ttlMs`, kept in memory and bounded: at most `maxEntries` members,
// dropping the oldest when full. Used to remember webhook nonces for as long as a replay could pass.
// The state lives in one process: several server processes each remember their own.

export interface ExpiringSetOptions {
  ttlMs: number;
  /** Most members held at once (default 100,000). */
  maxEntries?: number;
  /** Milliseconds since the epoch (default Date.now); tests pass their own clock. */
  clock?: () => number;
}

export class ExpiringSet {
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly clock: () => number;
  // Member → expiry, in the order they were added, so the expired ones are at the front.
  private readonly members = new Map<string, number>();

  constructor({ ttlMs, maxEntries = 100_000, clock = Date.now }: ExpiringSetOptions) {
    if (!(ttlMs > 0)) throw new Error("ttlMs must be positive.");
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new Error("maxEntries must be a whole number, 1 or more.");
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** Adds the member; false when it is there already and has not expired (checked and added in one step). */
  add(member: string, now: number = this.clock()): boolean {
    if (this.has(member, now)) return false;
    this.members.delete(member);
    this.sweep(now);
    while (this.members.size >= this.maxEntries) {
      const oldest = this.members.keys().next();
      if (oldest.done) break;
      this.members.delete(oldest.value);
    }
    this.members.set(member, now + this.ttlMs);
    return true;
  }

  has(member: string, now: number = this.clock()): boolean {
    const expiry = this.members.get(member);
    return expiry !== undefined && now < expiry;
  }

  /** Members held now, including expired ones not yet dropped. */
  get size(): number {
    return this.members.size;
  }

  private sweep(now: number): void {
    for (const [member, expiry] of this.members) {
      if (now < expiry) break;
      this.members.delete(member);
    }
  }
}
