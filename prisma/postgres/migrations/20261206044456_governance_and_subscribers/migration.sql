-- CreateEnum
CREATE TYPE "SubscriberKind" AS ENUM ('email', 'webhook');

-- CreateEnum
CREATE TYPE "PolicyMode" AS ENUM ('audit', 'enforce');

-- CreateEnum
CREATE TYPE "PolicySeverity" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "PolicyOutcome" AS ENUM ('compliant', 'violation', 'unknown');

-- CreateEnum
CREATE TYPE "WindowKind" AS ENUM ('allow', 'freeze');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'auditor';

-- AlterTable
ALTER TABLE "Rollout" ADD COLUMN     "policyOverrideReason" TEXT,
ADD COLUMN     "windowBypassReason" TEXT;

-- AlterTable
ALTER TABLE "RolloutTarget" ADD COLUMN     "waitingUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Command" ADD COLUMN     "notBefore" TIMESTAMP(3),
ADD COLUMN     "windowBypass" TEXT;

-- AlterTable
ALTER TABLE "StatusPage" ADD COLUMN     "customHost" TEXT;

-- AlterTable
ALTER TABLE "StatusComponentState" ADD COLUMN     "notifiedAt" TIMESTAMP(3),
ADD COLUMN     "notifiedStatus" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "subscriberId" TEXT;

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL,
    "outboxId" TEXT NOT NULL,
    "subscriberId" TEXT,
    "channelId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "httpStatus" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "error" TEXT,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusSubscriber" (
    "id" TEXT NOT NULL,
    "statusPageId" TEXT NOT NULL,
    "kind" "SubscriberKind" NOT NULL,
    "email" TEXT,
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "wholePage" BOOLEAN NOT NULL DEFAULT true,
    "confirmedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "failingSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusSubscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusSubscriberComponent" (
    "subscriberId" TEXT NOT NULL,
    "component" TEXT NOT NULL,

    CONSTRAINT "StatusSubscriberComponent_pkey" PRIMARY KEY ("subscriberId","component")
);

-- CreateTable
CREATE TABLE "SatelliteFacts" (
    "satelliteId" TEXT NOT NULL,
    "osName" TEXT,
    "osVersion" TEXT,
    "kernel" TEXT,
    "agentVersion" TEXT,
    "diskEncrypted" BOOLEAN,
    "timeSynced" BOOLEAN,
    "clockOffsetMs" DOUBLE PRECISION,
    "fipsEnabled" BOOLEAN,
    "pendingSecurityUpdates" INTEGER,
    "lastBackupAt" TIMESTAMP(3),
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SatelliteFacts_pkey" PRIMARY KEY ("satelliteId")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
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
    "severity" "PolicySeverity" NOT NULL,
    "mode" "PolicyMode" NOT NULL DEFAULT 'audit',
    "frameworks" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("policyId","version")
);

-- CreateTable
CREATE TABLE "PolicyResult" (
    "policyId" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "outcome" "PolicyOutcome" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "since" TIMESTAMP(3) NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyResult_pkey" PRIMARY KEY ("policyId","satelliteId")
);

-- CreateTable
CREATE TABLE "PolicyResultChange" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "outcome" "PolicyOutcome",
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyResultChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyWaiver" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "satelliteId" TEXT,
    "labelSelector" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "expiryAudited" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyWaiver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentWindow" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "WindowKind" NOT NULL,
    "rrule" TEXT NOT NULL,
    "durationMin" INTEGER NOT NULL,
    "timeZone" TEXT,
    "scope" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeploymentWindow_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "OutboxMessage_subscriberId_createdAt_idx" ON "OutboxMessage"("subscriberId", "createdAt");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "StatusSubscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "OutboxMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusSubscriber" ADD CONSTRAINT "StatusSubscriber_statusPageId_fkey" FOREIGN KEY ("statusPageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusSubscriberComponent" ADD CONSTRAINT "StatusSubscriberComponent_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "StatusSubscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SatelliteFacts" ADD CONSTRAINT "SatelliteFacts_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyResult" ADD CONSTRAINT "PolicyResult_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyResult" ADD CONSTRAINT "PolicyResult_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyWaiver" ADD CONSTRAINT "PolicyWaiver_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyWaiver" ADD CONSTRAINT "PolicyWaiver_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

