-- DropIndex
DROP INDEX "Satellite_name_idx";

-- CreateIndex
CREATE INDEX "Satellite_name_slug_idx" ON "Satellite"("name", "slug");

-- CreateIndex
CREATE INDEX "Satellite_reportedHealth_name_slug_idx" ON "Satellite"("reportedHealth", "name", "slug");

-- CreateIndex
CREATE INDEX "Command_state_issuedAt_idx" ON "Command"("state", "issuedAt");

-- CreateIndex
CREATE INDEX "Command_type_issuedAt_idx" ON "Command"("type", "issuedAt");

-- CreateIndex
CREATE INDEX "Command_issuedById_issuedAt_idx" ON "Command"("issuedById", "issuedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorLabel_at_idx" ON "AuditEvent"("actorLabel", "at");

