-- AlterTable
ALTER TABLE "Rollout" ADD COLUMN "policyOverrideReason" TEXT;
ALTER TABLE "Rollout" ADD COLUMN "windowBypassReason" TEXT;

-- AlterTable
ALTER TABLE "RolloutTarget" ADD COLUMN "waitingUntil" DATETIME;

-- AlterTable
ALTER TABLE "Command" ADD COLUMN "notBefore" DATETIME;
ALTER TABLE "Command" ADD COLUMN "windowBypass" TEXT;

-- AlterTable
ALTER TABLE "StatusPage" ADD COLUMN "customHost" TEXT;

-- AlterTable
ALTER TABLE "StatusComponentState" ADD COLUMN "notifiedAt" DATETIME;
ALTER TABLE "StatusComponentState" ADD COLUMN "notifiedStatus" TEXT;

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outboxId" TEXT NOT NULL,
    "subscriberId" TEXT,
    "channelId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "httpStatus" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "error" TEXT,
    CONSTRAINT "DeliveryAttempt_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "OutboxMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusSubscriber" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statusPageId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "email" TEXT,
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "wholePage" BOOLEAN NOT NULL DEFAULT true,
    "confirmedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "failingSince" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StatusSubscriber_statusPageId_fkey" FOREIGN KEY ("statusPageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusSubscriberComponent" (
    "subscriberId" TEXT NOT NULL,
    "component" TEXT NOT NULL,

    PRIMARY KEY ("subscriberId", "component"),
    CONSTRAINT "StatusSubscriberComponent_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "StatusSubscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SatelliteFacts" (
    "satelliteId" TEXT NOT NULL PRIMARY KEY,
    "osName" TEXT,
    "osVersion" TEXT,
    "kernel" TEXT,
    "agentVersion" TEXT,
    "diskEncrypted" BOOLEAN,
    "timeSynced" BOOLEAN,
    "clockOffsetMs" REAL,
    "fipsEnabled" BOOLEAN,
    "pendingSecurityUpdates" INTEGER,
    "lastBackupAt" DATETIME,
    "reportedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SatelliteFacts_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "policyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "scope" JSONB NOT NULL,
    "severity" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'audit',
    "frameworks" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("policyId", "version"),
    CONSTRAINT "PolicyVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PolicyResult" (
    "policyId" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "since" DATETIME NOT NULL,
    "evaluatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("policyId", "satelliteId"),
    CONSTRAINT "PolicyResult_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PolicyResult_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PolicyResultChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "outcome" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PolicyWaiver" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "satelliteId" TEXT,
    "labelSelector" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "expiryAudited" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PolicyWaiver_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PolicyWaiver_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeploymentWindow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rrule" TEXT NOT NULL,
    "durationMin" INTEGER NOT NULL,
    "timeZone" TEXT,
    "scope" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT NOT NULL,
    "channelId" TEXT,
    "subscriberId" TEXT,
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
    CONSTRAINT "OutboxMessage_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "StatusSubscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "channelId", "createdAt", "dedupeKey", "deliveredAt", "destination", "failedAt", "id", "lastError", "leaseUntil", "nextAttemptAt", "payload", "topic") SELECT "attempts", "channelId", "createdAt", "dedupeKey", "deliveredAt", "destination", "failedAt", "id", "lastError", "leaseUntil", "nextAttemptAt", "payload", "topic" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_deliveredAt_failedAt_nextAttemptAt_idx" ON "OutboxMessage"("deliveredAt", "failedAt", "nextAttemptAt");
CREATE INDEX "OutboxMessage_channelId_createdAt_idx" ON "OutboxMessage"("channelId", "createdAt");
CREATE INDEX "OutboxMessage_subscriberId_createdAt_idx" ON "OutboxMessage"("subscriberId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DeliveryAttempt_subscriberId_at_idx" ON "DeliveryAttempt"("subscriberId", "at");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_channelId_at_idx" ON "DeliveryAttempt"("channelId", "at");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_outboxId_idx" ON "DeliveryAttempt"("outboxId");

-- CreateIndex
CREATE INDEX "StatusSubscriber_statusPageId_confirmedAt_idx" ON "StatusSubscriber"("statusPageId", "confirmedAt");

-- CreateIndex
CREATE UNIQUE INDEX "StatusSubscriber_statusPageId_email_key" ON "StatusSubscriber"("statusPageId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "StatusSubscriber_statusPageId_webhookUrl_key" ON "StatusSubscriber"("statusPageId", "webhookUrl");

-- CreateIndex
CREATE INDEX "SatelliteFacts_reportedAt_idx" ON "SatelliteFacts"("reportedAt");

-- CreateIndex
CREATE INDEX "PolicyResult_satelliteId_idx" ON "PolicyResult"("satelliteId");

-- CreateIndex
CREATE INDEX "PolicyResult_policyId_outcome_idx" ON "PolicyResult"("policyId", "outcome");

-- CreateIndex
CREATE INDEX "PolicyResultChange_policyId_at_idx" ON "PolicyResultChange"("policyId", "at");

-- CreateIndex
CREATE INDEX "PolicyResultChange_satelliteId_at_idx" ON "PolicyResultChange"("satelliteId", "at");

-- CreateIndex
CREATE INDEX "PolicyResultChange_at_idx" ON "PolicyResultChange"("at");

-- CreateIndex
CREATE INDEX "PolicyWaiver_policyId_idx" ON "PolicyWaiver"("policyId");

-- CreateIndex
CREATE INDEX "PolicyWaiver_satelliteId_idx" ON "PolicyWaiver"("satelliteId");

-- CreateIndex
CREATE INDEX "PolicyWaiver_expiresAt_idx" ON "PolicyWaiver"("expiresAt");

-- CreateIndex
CREATE INDEX "Satellite_updatedAt_idx" ON "Satellite"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "StatusPage_customHost_key" ON "StatusPage"("customHost");

