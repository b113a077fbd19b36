-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "dismissedAt" TIMESTAMP(3),
ADD COLUMN     "regionId" TEXT;

-- AlterTable
ALTER TABLE "IncidentUpdate" ADD COLUMN     "impact" "IncidentImpact";

-- AlterTable
ALTER TABLE "StatusPage" ADD COLUMN     "accentColor" TEXT,
ADD COLUMN     "includeAll" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "labelSelector" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "logoUrl" TEXT,
ADD COLUMN     "secret" TEXT,
ADD COLUMN     "showSatellites" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "Incident_isProposed_regionId_idx" ON "Incident"("isProposed", "regionId");

