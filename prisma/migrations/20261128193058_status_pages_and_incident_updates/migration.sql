-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "dismissedAt" DATETIME;
ALTER TABLE "Incident" ADD COLUMN "regionId" TEXT;

-- AlterTable
ALTER TABLE "IncidentUpdate" ADD COLUMN "impact" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StatusPage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "secret" TEXT,
    "allowedOrigins" JSONB NOT NULL,
    "includeAll" BOOLEAN NOT NULL DEFAULT false,
    "labelSelector" TEXT NOT NULL DEFAULT '',
    "showSatellites" BOOLEAN NOT NULL DEFAULT true,
    "logoUrl" TEXT,
    "accentColor" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_StatusPage" ("allowedOrigins", "createdAt", "description", "id", "slug", "title", "updatedAt", "visibility") SELECT "allowedOrigins", "createdAt", "description", "id", "slug", "title", "updatedAt", "visibility" FROM "StatusPage";
DROP TABLE "StatusPage";
ALTER TABLE "new_StatusPage" RENAME TO "StatusPage";
CREATE UNIQUE INDEX "StatusPage_slug_key" ON "StatusPage"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Incident_isProposed_regionId_idx" ON "Incident"("isProposed", "regionId");

