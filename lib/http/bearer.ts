// Authentication for /api/v1: `Authorization: Bearer <token>` and nothing else. Session cookies are
// ignored on purpose, so the API offers no CSRF surface.
import { resolveToken, type TokenResolution } from "../api-tokens/resolve";
import { clientAddressFrom } from "../request/client-address";
import type { Authentication } from "./api-route";

export function bearerTokenOf(request: Request): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

export function bearerAuthenticator(
  resolve: (text: string | null, clientAddress: string | null) => Promise<TokenResolution> = resolveToken,
) {
  return async (request: Request): Promise<Authentication> => {
    const address = clientAddressFrom(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip"));
    const resolution = await resolve(bearerTokenOf(request), address);
    if (resolution.ok) return resolution;
    return {
      ok: false,
      code: resolution.reason === "throttled" ? "throttled" : "unauthenticated",
      detail: resolution.detail,
      retryAfterSeconds: resolution.retryAfterSeconds,
    };
  };
}
