// What each Signed identities mode means, in the seed's words, and the warnings the page shows with them.
import type { SignedIdentityMode } from "@/lib/communities/schemas";

export const SIGNED_IDENTITY_CHOICES: readonly { mode: SignedIdentityMode; label: string; meaning: string }[] = [
  {
    mode: "accept",
    label: "Accept JWT signed identities",
    meaning:
      "Both non-signed and signed information is accepted. A flexible mode: not recommended for production, since anybody can send a non-signed identity.",
  },
  {
    mode: "reject",
    label: "Reject JWT signed identities",
    meaning: "Only non-signed information is accepted; a signed identity is refused. A strict mode, and the default.",
  },
  {
    mode: "require",
    label: "Require JWT signed identities",
    meaning:
      "Only signed information is accepted; a non-signed identity is refused. The strict secure mode. Needs at least one JWT key.",
  },
];

export const DATA_FLOW_WARNING =
  "Identity data travels from the website to the visitor's browser and then to this server. Nothing guarantees that what the website announced is what the server receives, unless the data carries a cryptographically secure signature: a JSON Web Token (JWT) signed with a shared secret (HMAC SHA256) or a private key whose public key is registered here (RSA SHA256).";

export const ACCEPT_WARNING =
  "Accept is not recommended for production: a visitor can change the identity in their browser and send it unsigned.";

export const EXP_RULE =
  'Every JWT must carry an expiry ("exp") at least 1 hour in the future when it is checked, or it is refused. Renew the token periodically on the website.';
