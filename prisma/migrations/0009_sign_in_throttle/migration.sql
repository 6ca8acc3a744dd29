-- The sign-in throttle's failure counts move from each process's memory into the database, so that every app process shares them.
-- CreateTable
CREATE TABLE "SignInFailureCount" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "lastFailureAt" DATETIME NOT NULL,
    "lockNotedUntil" DATETIME,

    PRIMARY KEY ("scope", "key")
);

-- CreateIndex
CREATE INDEX "SignInFailureCount_lastFailureAt_idx" ON "SignInFailureCount"("lastFailureAt");

