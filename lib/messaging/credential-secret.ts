// A credential's secret, sealed and bound to that credential: a sealed value copied onto another
// credential does not open.
import { open, seal } from "../crypto/seal";

const binding = (credentialId: string) => `messaging-credential:${credentialId}`;

export function sealCredentialSecret(credentialId: string, plain: string): string {
  return seal(plain, binding(credentialId));
}

export function openCredentialSecret(credentialId: string, sealed: string): string {
  return open(sealed, binding(credentialId));
}
