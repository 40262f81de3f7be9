// Three jobs on pages: security headers with a fresh script nonce per request; send the signed-out to
// the sign-in page; and slide the 30-minute idle window by re-issuing the session cookie. Rights are
// never decided here. The API does not come here: next.config.js gives it its headers, and each route
// answers the signed-out with a status code.
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret, secureCookies, sessionCookieName } from "@/lib/auth/secret";
import { IDLE_SECONDS, sessionExpired } from "@/lib/auth/session-policy";
import { decode, encode } from "@/lib/auth/session-token";
import { applySecurityHeaders, newNonce, pageCsp } from "@/lib/request/security-headers";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const csp = pageCsp(newNonce(), process.env.NODE_ENV === "development");
  // Next reads the policy from the request to put the nonce on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const pass = () => NextResponse.next({ request: { headers: requestHeaders } });
  const secured = (response: NextResponse) => {
    applySecurityHeaders(response.headers, csp);
    return response;
  };

  const secret = authSecret();
  const token = await getToken({ req: request, secret, secureCookie: secureCookies(), decode });
  const signedIn = token && !sessionExpired(token.at);

  if (!signedIn) {
    if (pathname === "/login") return secured(pass());
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return secured(NextResponse.redirect(login));
  }

  const response = secured(pass());
  // A prefetch is not the user doing anything; and its late answer must not set a cookie that a
  // sign-out just cleared. A server action is, but a cookie set on its answer makes Next re-render the
  // page inside that answer: a refused save's form would be rebuilt from the newer record, losing the
  // message and what the user typed. The refresh that follows a successful save slides the window.
  if (request.headers.get("next-router-prefetch") || request.headers.get("next-action")) return response;
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
  // Everything but the API and the files Next and public/ serve as they are (next.config.js gives those
  // their headers).
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico$|icon\\.svg$).*)"],
};
