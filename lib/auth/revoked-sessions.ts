// Sessions ended by signing out, remembered until they would have expired anyway.
import { db } from "../db";
import { ABSOLUTE_SECONDS } from "./session-policy";

export async function revokeSession(sessionId: string, authTimeSeconds = Date.now() / 1000): Promise<void> {
  const expiresAt = new Date((authTimeSeconds + ABSOLUTE_SECONDS) * 1000);
  await db().revokedSession.upsert({ where: { sid: sessionId }, create: { sid: sessionId, expiresAt }, update: {} });
  // Housekeeping on the way: rows past their session's end prove nothing any more.
  await db().revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
