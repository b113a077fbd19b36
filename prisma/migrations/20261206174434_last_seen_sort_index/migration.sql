-- CreateIndex
CREATE INDEX "Satellite_lastSeenAt_name_slug_idx" ON "Satellite"("lastSeenAt" DESC, "name", "slug");

