-- A finer statistics sample for the business names, so the planner can tell a common name part
-- from a rare one. With the default sample (100), every ILIKE '%part%' was estimated at ~100 rows,
-- so the planner always took the trigram indexes; for a part on 1 customer in 256 at 1,000,000
-- customers that meant intersecting long posting lists (~26 ms) then sorting ~3,900 rows: 37 ms.
-- With 2,000 it estimates ~4,000 rows and walks the (createdAt, id) index until it has a page:
-- 5 ms; a rare part still goes through the trigram index (under 1 ms). bench/customer-list.ts.
ALTER TABLE "Customer"
    ALTER COLUMN "businessNameEnglish" SET STATISTICS 2000,
    ALTER COLUMN "businessName" SET STATISTICS 2000;
ANALYZE "Customer";
