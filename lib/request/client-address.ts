// The caller's address for the audit trail: the first hop of X-Forwarded-For (Next.js sets it from the socket).
export function clientAddressFrom(forwardedFor: string | null | undefined, realIp?: string | null): string | null {
  const first = forwardedFor?.split(",")[0]?.trim();
  return (first || realIp?.trim() || null)?.slice(0, 100) ?? null;
}
