// An HMAC key's secret, sealed and bound to that key: a sealed value copied onto another key does not open.
import { open, seal } from "../crypto/seal";

const binding = (keyRowId: string) => `community-jwt-key:${keyRowId}`;

export function sealJwtSecret(keyRowId: string, plain: string): string {
  return seal(plain, binding(keyRowId));
}

export function openJwtSecret(keyRowId: string, sealed: string): string {
  return open(sealed, binding(keyRowId));
}
