-- AlterTable
ALTER TABLE "ComplianceRegion" ADD COLUMN "retiredAt" DATETIME;

-- AlterTable
ALTER TABLE "Satellite" ADD COLUMN "healthChangedAt" DATETIME;

-- AlterTable
ALTER TABLE "Command" ADD COLUMN "reason" TEXT;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "componentStatus" TEXT;

-- CreateTable
CREATE TABLE "StatusComponentState" (
    "statusPageId" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "published" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "candidate" TEXT,
    "candidateSince" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("statusPageId", "component"),
    CONSTRAINT "StatusComponentState_statusPageId_fkey" FOREIGN KEY ("statusPageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusPin" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statusPageId" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "clearedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StatusPin_statusPageId_fkey" FOREIGN KEY ("statusPageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "secret" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastSuccessAt" DATETIME,
    "lastErrorAt" DATETIME,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "regionIds" JSONB NOT NULL,
    "labelSelector" TEXT NOT NULL DEFAULT '',
    "repeatMinutes" INTEGER NOT NULL DEFAULT 60,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AlertRuleChannel" (
    "ruleId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,

    PRIMARY KEY ("ruleId", "channelId"),
    CONSTRAINT "AlertRuleChannel_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AlertRuleChannel_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "openKey" TEXT,
    "state" TEXT NOT NULL DEFAULT 'firing',
    "summary" TEXT NOT NULL,
    "details" JSONB,
    "firedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastNotifiedAt" DATETIME,
    "resolvedAt" DATETIME,
    CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Silence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT,
    "regionId" TEXT,
    "satelliteId" TEXT,
    "reason" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Silence_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT NOT NULL,
    "channelId" TEXT,
    "destination" JSONB,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "deliveredAt" DATETIME,
    "failedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxMessage_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "degradedPct" REAL NOT NULL DEFAULT 10,
    "partialPct" REAL NOT NULL DEFAULT 25,
    "majorPct" REAL NOT NULL DEFAULT 50,
    "debounceSec" INTEGER NOT NULL DEFAULT 120,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_StatusPage" ("accentColor", "allowedOrigins", "createdAt", "description", "id", "includeAll", "labelSelector", "logoUrl", "secret", "showSatellites", "slug", "title", "updatedAt", "visibility") SELECT "accentColor", "allowedOrigins", "createdAt", "description", "id", "includeAll", "labelSelector", "logoUrl", "secret", "showSatellites", "slug", "title", "updatedAt", "visibility" FROM "StatusPage";
DROP TABLE "StatusPage";
ALTER TABLE "new_StatusPage" RENAME TO "StatusPage";
CREATE UNIQUE INDEX "StatusPage_slug_key" ON "StatusPage"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "StatusPin_statusPageId_expiresAt_idx" ON "StatusPin"("statusPageId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationChannel_name_key" ON "NotificationChannel"("name");

-- CreateIndex
CREATE INDEX "AlertRuleChannel_channelId_idx" ON "AlertRuleChannel"("channelId");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_openKey_key" ON "Alert"("openKey");

-- CreateIndex
CREATE INDEX "Alert_state_firedAt_idx" ON "Alert"("state", "firedAt");

-- CreateIndex
CREATE INDEX "Alert_ruleId_state_idx" ON "Alert"("ruleId", "state");

-- CreateIndex
CREATE INDEX "Silence_expiresAt_idx" ON "Silence"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_deliveredAt_failedAt_nextAttemptAt_idx" ON "OutboxMessage"("deliveredAt", "failedAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_channelId_createdAt_idx" ON "OutboxMessage"("channelId", "createdAt");

