/**
 * The PostgreSQL URL the app works on. Entry points open the database first (lib/database/
 * open-database.ts: DATABASE_URL as configured, or the embedded PostgreSQL they start), so by the
 * time anything reads this it is set.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (which runs the embedded PostgreSQL), or set DATABASE_URL to a PostgreSQL server.",
    );
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("DATABASE_URL must be a postgresql:// URL.");
  }
  return url;
}
