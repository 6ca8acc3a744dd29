import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sayMessage } from "@/lib/i18n/error-catalogs";
import { localeOfHeaders } from "@/lib/i18n/negotiate";
import { describeError, logEvent } from "@/lib/log";
import { isHttpsUrl } from "@/lib/security/headers";
import { endSession, liveSessionOfRequest, SESSION_ABSOLUTE_MS, startSession } from "./sessions";
import { signInWithPassword } from "./sign-in";

/**
 * The cookie lives as long as a session can (its absolute lifetime); whether the session is still
 * open, idle or over is decided on the server on every request (sessions.ts).
 */
export const SESSION_MAX_AGE_SECONDS = SESSION_ABSOLUTE_MS / 1000;

/** Thrown in the jwt callback so that next-auth clears the cookie of a session that is over. */
class SessionOver extends Error {
  constructor() {
    super("The session has ended.");
    this.name = "SessionOver";
  }
}

/**
 * Auth.js (next-auth 4) with email and password. The cookie is a signed, encrypted token that
 * names a UserSession row; the row decides whether the session still counts (signed out,
 * disabled, past its absolute lifetime), so a copied cookie is worth nothing once the session
 * ends. The person is loaded from the database on every request (lib/auth/current-user.ts), so a
 * changed role takes effect at once.
 */
export const authOptions: NextAuthOptions = {
  secret: env.authSecret,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // https: Secure cookies with the __Secure-/__Host- prefixes, which a plain-http page or a
  // sibling subdomain cannot set or overwrite.
  useSecureCookies: isHttpsUrl(env.publicUrl),
  pages: { signIn: "/sign-in" },
  logger: {
    error(code, metadata) {
      // A replayed cookie of an ended session is refused on purpose: not an error worth a stack trace.
      const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (cause instanceof SessionOver) return;
      logEvent("error", "auth_error", { code, ...describeError(cause ?? metadata) });
    },
    warn(code) {
      logEvent("warn", "auth_warning", { code });
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const ipHeader = request.headers?.["x-axisfi-client-ip"];
        const ip = typeof ipHeader === "string" ? ipHeader : "unknown";
        try {
          const userId = await signInWithPassword(credentials?.email ?? "", credentials?.password ?? "", ip);
          return { id: userId, sessionId: await startSession(userId) };
        } catch (error) {
          // next-auth's contract at its door: the message of a thrown Error reaches the sign-in form,
          // so it is said here in the language the form is read in.
          if (error instanceof AppError) {
            const header = (name: string) => {
              const value = request.headers?.[name];
              return typeof value === "string" ? value : undefined;
            };
            throw new Error(
              sayMessage(error.userMessage, localeOfHeaders(header("cookie"), header("accept-language"))),
            );
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // Only the user id and the session id live in the token; role and partner are read fresh
      // on each request.
      if (user) return { sub: user.id, sid: (user as { sessionId?: string }).sessionId };
      // Renewing the cookie (/api/auth/session) never outlives the session's row.
      if (!(await liveSessionOfRequest(token.sid, token.sub))) throw new SessionOver();
      return { sub: token.sub, sid: token.sid };
    },
    session({ session, token }) {
      return {
        expires: session.expires,
        user: { id: token.sub, sessionId: token.sid },
      } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      await endSession(token?.sid);
    },
  },
};
