-- CreateIndex
-- NULLS LAST as the list orders (never-seen satellites at the end): PostgreSQL's DESC alone puts nulls first,
-- and an index in the other null order cannot serve the sort.
CREATE INDEX "Satellite_lastSeenAt_name_slug_idx" ON "Satellite"("lastSeenAt" DESC NULLS LAST, "name", "slug");
