import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    authVersion: number;
  }
  interface Session {
    userId: string;
    authVersion: number;
    authTime: number;
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's authVersion when they signed in; a change ends the session. */
    av?: number;
    /** When they signed in (seconds), for the absolute limit. */
    at?: number;
    /** This session's id, remembered as revoked when the user signs out. */
    sid?: string;
  }
}
