// How long a session lasts: 30 minutes without a request, 8 hours at most after signing in.
export const IDLE_SECONDS = 30 * 60;
export const ABSOLUTE_SECONDS = 8 * 60 * 60;

export function sessionExpired(authTimeSeconds: number | undefined, nowSeconds = Date.now() / 1000): boolean {
  return authTimeSeconds === undefined || nowSeconds - authTimeSeconds > ABSOLUTE_SECONDS;
}
