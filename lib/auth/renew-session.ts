// Keeps the session a user acts in alive across a change that ends all their sessions (their own
// password change): this one session's cookie is re-issued with the new authVersion, so the user
// goes on to the console instead of through the sign-in page; every other session still ends.
import { cookies } from "next/headers";
import { db } from "../db";
import { authSecret, secureCookies, sessionCookieName } from "./secret";
import { IDLE_SECONDS } from "./session-policy";
import { encode, readSessionToken } from "./session-token";

export async function renewOwnSession(userId: string): Promise<void> {
  const store = await cookies();
  const name = sessionCookieName();
  const secret = authSecret();
  const token = await readSessionToken(store.get(name)?.value, secret);
  // Only the session of this very user: a cookie of someone else (or none valid) is left as it is.
  if (!token || token.sub !== userId) return;
  const { authVersion } = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { authVersion: true } });
  store.set(name, await encode({ token: { ...token, av: authVersion }, secret, maxAge: IDLE_SECONDS }), {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: IDLE_SECONDS,
  });
}
