-- user_locale: written by `npm run db:migration` (from schema.prisma at b1423a0 to the working tree's).
-- Review it (data to move, locks on big tables) before committing.

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;

