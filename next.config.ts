import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // The PostgreSQL driver and Prisma's adapter load at run time, not through the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  experimental: {
    // What reaches the proxy now is pages and their server actions, whose bodies are small form
    // data (Next refuses server-action bodies over 1 MB anyway); uploads go to /api/portal/files,
    // which the proxy does not see. So it copies no more than that of any request.
    proxyClientMaxBodySize: "1mb",
  },
  // `npm test` type-checks the whole project (tests included) with tsc; checking again in every
  // build only slows it down.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

/**
 * next-intl: the request configuration (locale, catalogs) and the catalogs of messages/, which
 * the build precompiles so that the browser formats ready-made messages with no ICU parser (the
 * wizard's page weight has room for its catalogs, not for intl-messageformat).
 */
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request-config.ts",
  experimental: {
    messages: { path: "./messages", format: "json", locales: "infer", sourceLocale: "en", precompile: true },
  },
});

export default withNextIntl(nextConfig);
