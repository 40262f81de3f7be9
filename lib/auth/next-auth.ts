// next-auth configuration: credentials checked by checkSignIn, a JWT session that idles out after
// 30 minutes (proxy.ts slides it) and carries what currentActor needs to end it early.
import { randomUUID } from "node:crypto";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "../audit/record";
import { db } from "../db";
import { clientAddressFrom } from "../request/client-address";
import { revokeSession } from "./revoked-sessions";
import { sameOriginPath } from "./safe-redirect";
import { authSecret } from "./secret";
import { IDLE_SECONDS } from "./session-policy";
import { decode, encode } from "./session-token";
import { checkSignIn } from "./sign-in";

function header(headers: unknown, name: string): string | null {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

export const authOptions: AuthOptions = {
  // A getter: the key file is read when a request needs it, not when `next build` loads the module.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: IDLE_SECONDS },
  jwt: { maxAge: IDLE_SECONDS, encode, decode },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Switchboard",
      // The code is the second factor, for users who have one; see checkSignIn.
      credentials: { logonName: { type: "text" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, req) {
        const address = clientAddressFrom(header(req?.headers, "x-forwarded-for"), header(req?.headers, "x-real-ip"));
        const result = await checkSignIn(
          credentials?.logonName ?? "",
          credentials?.password ?? "",
          address,
          credentials?.code ?? "",
        );
        if (!result.ok) throw new Error(result.message);
        return { id: result.user.id, name: result.user.logonName, authVersion: result.user.authVersion };
      },
    }),
  ],
  callbacks: {
    // next-auth's default follows any URL on the base URL's host; the same rule as the login form instead.
    redirect({ url, baseUrl }) {
      return `${new URL(baseUrl).origin}${sameOriginPath(url, baseUrl)}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.av = user.authVersion;
        token.at = Math.floor(Date.now() / 1000);
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      return {
        expires: session.expires,
        userId: token.sub ?? "",
        authVersion: token.av ?? 0,
        authTime: token.at ?? 0,
        sessionId: token.sid ?? "",
      };
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.sub) return;
      if (token.sid) await revokeSession(token.sid, token.at);
      await recordAudit(
        db(),
        { id: token.sub, logonName: token.name ?? token.sub, clientAddress: null },
        {
          action: "sign_out",
          objectType: "user",
          objectId: token.sub,
          objectName: token.name ?? null,
        },
      );
    },
  },
};
