// The Sinch nonces accepted recently, in the database (the SinchNonce table), so that a callback accepted
// by one server process is a replay for every other one. Sinch asks receivers to refuse a nonce seen before.
import { db } from "../db";

/**
 * Remembers the service's nonce until `expiresAt`; false when it is remembered already and has not expired.
 * One statement decides, so two processes given the same nonce at once cannot both accept it.
 */
export async function rememberNonce(
  serviceId: string,
  nonce: string,
  now: number,
  expiresAt: number,
): Promise<boolean> {
  const count = await db().$executeRaw`
    INSERT INTO "SinchNonce" ("serviceId", "nonce", "expiresAt") VALUES (${serviceId}, ${nonce}, ${new Date(expiresAt)})
    ON CONFLICT ("serviceId", "nonce") DO UPDATE SET "expiresAt" = EXCLUDED."expiresAt"
    WHERE "SinchNonce"."expiresAt" <= ${new Date(now)}`;
  return count === 1;
}

/** Drops the nonces whose time is over: their timestamps are too old for a signature to pass now. */
export async function forgetExpiredNonces(now: number): Promise<number> {
  const { count } = await db().sinchNonce.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  return count;
}
