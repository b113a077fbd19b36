-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('email', 'slack', 'webhook', 'pagerduty', 'teams');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('satellite_offline', 'region_impacted', 'rollout_paused', 'command_failed', 'agent_outdated', 'compliance_violation');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('firing', 'resolved');

-- AlterEnum
ALTER TYPE "RolloutStatus" ADD VALUE 'completed_with_exceptions';

-- AlterEnum
ALTER TYPE "WaveStatus" ADD VALUE 'skipped';

-- AlterTable
ALTER TABLE "ComplianceRegion" ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Satellite" ADD COLUMN     "healthChangedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Command" ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "componentStatus" TEXT;

-- AlterTable
ALTER TABLE "StatusPage" ADD COLUMN     "debounceSec" INTEGER NOT NULL DEFAULT 120,
ADD COLUMN     "degradedPct" DOUBLE PRECISION NOT NULL DEFAULT 10,
ADD COLUMN     "majorPct" DOUBLE PRECISION NOT NULL DEFAULT 50,
ADD COLUMN     "partialPct" DOUBLE PRECISION NOT NULL DEFAULT 25;

-- CreateTable
CREATE TABLE "StatusComponentState" (
    "statusPageId" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "published" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "candidate" TEXT,
    "candidateSince" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusComponentState_pkey" PRIMARY KEY ("statusPageId","component")
);

-- CreateTable
CREATE TABLE "StatusPin" (
    "id" TEXT NOT NULL,
    "statusPageId" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "clearedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusPin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationChannel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "config" JSONB NOT NULL,
    "secret" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastSuccessAt" TIMESTAMP(3),
    "lastErrorAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "NotificationChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "params" JSONB NOT NULL,
    "regionIds" JSONB NOT NULL,
    "labelSelector" TEXT NOT NULL DEFAULT '',
    "repeatMinutes" INTEGER NOT NULL DEFAULT 60,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRuleChannel" (
    "ruleId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,

    CONSTRAINT "AlertRuleChannel_pkey" PRIMARY KEY ("ruleId","channelId")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "openKey" TEXT,
    "state" "AlertState" NOT NULL DEFAULT 'firing',
    "summary" TEXT NOT NULL,
    "details" JSONB,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastNotifiedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Silence" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT,
    "regionId" TEXT,
    "satelliteId" TEXT,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Silence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "channelId" TEXT,
    "destination" JSONB,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "StatusComponentState" ADD CONSTRAINT "StatusComponentState_statusPageId_fkey" FOREIGN KEY ("statusPageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusPin" ADD CONSTRAINT "StatusPin_statusPageId_fkey" FOREIGN KEY ("statusPageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRuleChannel" ADD CONSTRAINT "AlertRuleChannel_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRuleChannel" ADD CONSTRAINT "AlertRuleChannel_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Silence" ADD CONSTRAINT "Silence_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

