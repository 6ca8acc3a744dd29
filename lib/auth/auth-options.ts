import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { signInWithPassword } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * Auth.js (next-auth 4) with email and password. Credentials sign-in keeps the session in a
 * signed, encrypted cookie (next-auth 4 supports no database sessions for it), so sessions survive
 * restarts; the person is loaded from the database on every request (lib/auth/current-user.ts),
 * so a disabled account or a changed role takes effect at once.
 */
export const authOptions: NextAuthOptions = {
  secret: env.authSecret,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const ipHeader = request.headers?.["x-axisfi-client-ip"];
        const ip = typeof ipHeader === "string" ? ipHeader : "unknown";
        const result = await signInWithPassword(credentials?.email ?? "", credentials?.password ?? "", ip);
        // next-auth passes the message of a thrown error to the sign-in form.
        if (!result.ok) throw new Error(result.message);
        return { id: result.userId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Only the user id and the sign-in time live in the token; role and partner are read fresh
      // on each request.
      if (user) return { sub: user.id, signedInAt: Date.now() };
      return { sub: token.sub, signedInAt: token.signedInAt };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub, signedInAt: token.signedInAt } } as typeof session;
    },
  },
};
