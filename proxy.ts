// Only two jobs: send the signed-out to the sign-in page, and slide the 30-minute idle window by
// re-issuing the session cookie on each page request. Rights are never decided here.
import { type NextRequest, NextResponse } from "next/server";
import { encode, getToken } from "next-auth/jwt";
import { authSecret, secureCookies, sessionCookieName } from "@/lib/auth/secret";
import { IDLE_SECONDS, sessionExpired } from "@/lib/auth/session-policy";

export async function proxy(request: NextRequest) {
  const secret = authSecret();
  const token = await getToken({ req: request, secret, secureCookie: secureCookies() });
  const { pathname, search } = request.nextUrl;
  const signedIn = token && !sessionExpired(token.at);

  if (!signedIn) {
    if (pathname === "/login") return NextResponse.next();
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const response = NextResponse.next();
  // A prefetch is not the user doing anything; and its late answer must not set a cookie that a
  // sign-out just cleared.
  if (request.headers.get("next-router-prefetch")) return response;
  response.cookies.set(sessionCookieName(), await encode({ token, secret, maxAge: IDLE_SECONDS }), {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: IDLE_SECONDS,
  });
  return response;
}

export const config = {
  // Not the API (it answers with status codes, not redirects), Next's assets, or the icons in public/.
  matcher: ["/((?!api/|_next/|favicon\\.ico$|icon\\.svg$).*)"],
};
