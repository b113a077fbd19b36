-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ResidencyRule" AS ENUM ('in_region', 'allow_list', 'unrestricted');

-- CreateEnum
CREATE TYPE "SatelliteKind" AS ENUM ('datacenter', 'edge', 'cloud', 'colo');

-- CreateEnum
CREATE TYPE "Lifecycle" AS ENUM ('pending', 'active', 'cordoned', 'maintenance', 'decommissioned');

-- CreateEnum
CREATE TYPE "Health" AS ENUM ('healthy', 'degraded', 'critical', 'unknown');

-- CreateEnum
CREATE TYPE "Connectivity" AS ENUM ('connected', 'stale', 'offline', 'never_seen');

-- CreateEnum
CREATE TYPE "RolloutStatus" AS ENUM ('draft', 'running', 'awaiting_approval', 'paused', 'completed', 'aborted', 'rolling_back', 'rolled_back');

-- CreateEnum
CREATE TYPE "WaveStatus" AS ENUM ('pending', 'awaiting_approval', 'running', 'baking', 'completed', 'halted');

-- CreateEnum
CREATE TYPE "TargetState" AS ENUM ('pending', 'excluded', 'upgrading', 'succeeded', 'failed', 'skipped', 'rolled_back');

-- CreateEnum
CREATE TYPE "CommandState" AS ENUM ('queued', 'delivered', 'running', 'succeeded', 'failed', 'expired', 'cancelled');

-- CreateEnum
CREATE TYPE "IncidentImpact" AS ENUM ('none', 'minor', 'major', 'critical');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('investigating', 'identified', 'monitoring', 'resolved');

-- CreateEnum
CREATE TYPE "StatusPageVisibility" AS ENUM ('public', 'unlisted', 'disabled');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'operator', 'admin');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('user', 'agent', 'system');

-- CreateTable
CREATE TABLE "ComplianceRegion" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "frameworks" JSONB NOT NULL,
    "residencyRule" "ResidencyRule" NOT NULL DEFAULT 'in_region',
    "residencyAllowed" JSONB NOT NULL,
    "countries" JSONB NOT NULL,
    "color" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplianceRegion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Satellite" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SatelliteKind" NOT NULL,
    "provider" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "regionId" TEXT NOT NULL,
    "isRegionPinned" BOOLEAN NOT NULL DEFAULT false,
    "labels" JSONB NOT NULL,
    "cpuCores" INTEGER NOT NULL,
    "memoryGb" INTEGER NOT NULL,
    "storageTb" DOUBLE PRECISION NOT NULL,
    "uplinkMbps" INTEGER NOT NULL,
    "downlinkMbps" INTEGER NOT NULL,
    "stackVersion" TEXT,
    "agentVersion" TEXT,
    "lifecycle" "Lifecycle" NOT NULL DEFAULT 'pending',
    "heartbeatIntervalSec" INTEGER NOT NULL DEFAULT 10,
    "labelText" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3),
    "staleAfter" TIMESTAMP(3),
    "offlineAfter" TIMESTAMP(3),
    "lastSeq" BIGINT,
    "reportedHealth" "Health" NOT NULL DEFAULT 'unknown',
    "services" JSONB,
    "lastRxMbps" DOUBLE PRECISION,
    "lastTxMbps" DOUBLE PRECISION,
    "lastRttMs" DOUBLE PRECISION,
    "recordedConnectivity" "Connectivity" NOT NULL DEFAULT 'never_seen',
    "decommissionedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Satellite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentCredential" (
    "id" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenHint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AgentCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JoinToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenHint" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "maxUses" INTEGER NOT NULL DEFAULT 1,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "satelliteId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JoinToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TelemetrySample" (
    "satelliteId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cpuPct" DOUBLE PRECISION NOT NULL,
    "memPct" DOUBLE PRECISION NOT NULL,
    "diskPct" DOUBLE PRECISION NOT NULL,
    "rxMbps" DOUBLE PRECISION NOT NULL,
    "txMbps" DOUBLE PRECISION NOT NULL,
    "rttMs" DOUBLE PRECISION NOT NULL,
    "lossPct" DOUBLE PRECISION NOT NULL,
    "health" "Health" NOT NULL,
    "services" JSONB NOT NULL,

    CONSTRAINT "TelemetrySample_pkey" PRIMARY KEY ("satelliteId","seq")
);

-- CreateTable
CREATE TABLE "TelemetryRollup" (
    "satelliteId" TEXT NOT NULL,
    "bucketSec" INTEGER NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "samples" INTEGER NOT NULL,
    "cpuAvg" DOUBLE PRECISION NOT NULL,
    "cpuMax" DOUBLE PRECISION NOT NULL,
    "memAvg" DOUBLE PRECISION NOT NULL,
    "diskAvg" DOUBLE PRECISION NOT NULL,
    "rxAvg" DOUBLE PRECISION NOT NULL,
    "rxMax" DOUBLE PRECISION NOT NULL,
    "txAvg" DOUBLE PRECISION NOT NULL,
    "txMax" DOUBLE PRECISION NOT NULL,
    "rttAvg" DOUBLE PRECISION NOT NULL,
    "rttMax" DOUBLE PRECISION NOT NULL,
    "lossAvg" DOUBLE PRECISION NOT NULL,
    "healthyCount" INTEGER NOT NULL,
    "degradedCount" INTEGER NOT NULL,
    "criticalCount" INTEGER NOT NULL,
    "expectedCount" INTEGER NOT NULL,

    CONSTRAINT "TelemetryRollup_pkey" PRIMARY KEY ("satelliteId","bucketSec","bucketStart")
);

-- CreateTable
CREATE TABLE "ConnectivityEvent" (
    "id" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,
    "from" "Connectivity" NOT NULL,
    "to" "Connectivity" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectivityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "artifactSizeMb" DOUBLE PRECISION NOT NULL,
    "minAgentVersion" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseRegion" (
    "releaseId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,

    CONSTRAINT "ReleaseRegion_pkey" PRIMARY KEY ("releaseId","regionId")
);

-- CreateTable
CREATE TABLE "Rollout" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "status" "RolloutStatus" NOT NULL DEFAULT 'draft',
    "selector" JSONB NOT NULL,
    "maxConcurrency" INTEGER NOT NULL,
    "bakeMinutes" INTEGER NOT NULL,
    "failureThresholdPct" DOUBLE PRECISION NOT NULL,
    "requireApproval" BOOLEAN NOT NULL DEFAULT false,
    "isRegionByRegion" BOOLEAN NOT NULL DEFAULT false,
    "currentWave" INTEGER NOT NULL DEFAULT 0,
    "pausedReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Rollout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolloutWave" (
    "id" TEXT NOT NULL,
    "rolloutId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "targetCount" INTEGER NOT NULL,
    "status" "WaveStatus" NOT NULL DEFAULT 'pending',
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "bakeUntil" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RolloutWave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolloutTarget" (
    "id" TEXT NOT NULL,
    "rolloutId" TEXT NOT NULL,
    "waveId" TEXT,
    "satelliteId" TEXT NOT NULL,
    "state" "TargetState" NOT NULL DEFAULT 'pending',
    "excludedReason" TEXT,
    "fromVersion" TEXT,
    "commandId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RolloutTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Command" (
    "id" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "state" "CommandState" NOT NULL DEFAULT 'queued',
    "deliveries" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "issuedById" TEXT,
    "rolloutId" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "message" TEXT,
    "result" JSONB,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Command_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "impact" "IncidentImpact" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'investigating',
    "isProposed" BOOLEAN NOT NULL DEFAULT false,
    "isPublished" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentSatellite" (
    "incidentId" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,

    CONSTRAINT "IncidentSatellite_pkey" PRIMARY KEY ("incidentId","satelliteId")
);

-- CreateTable
CREATE TABLE "IncidentUpdate" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "status" "IncidentStatus" NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceWindow" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MaintenanceWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceSatellite" (
    "maintenanceId" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,

    CONSTRAINT "MaintenanceSatellite_pkey" PRIMARY KEY ("maintenanceId","satelliteId")
);

-- CreateTable
CREATE TABLE "StatusPage" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "visibility" "StatusPageVisibility" NOT NULL DEFAULT 'public',
    "allowedOrigins" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusPage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusPageRegion" (
    "statusPageId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,

    CONSTRAINT "StatusPageRegion_pkey" PRIMARY KEY ("statusPageId","regionId")
);

-- CreateTable
CREATE TABLE "StatusPageSatellite" (
    "statusPageId" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,

    CONSTRAINT "StatusPageSatellite_pkey" PRIMARY KEY ("statusPageId","satelliteId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "disabledAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRegion" (
    "userId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,

    CONSTRAINT "UserRegion_pkey" PRIMARY KEY ("userId","regionId")
);

-- CreateTable
CREATE TABLE "AuthThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "AuthThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "summary" TEXT NOT NULL,
    "data" JSONB,
    "ip" TEXT,
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "Satellite_slug_key" ON "Satellite"("slug");

-- CreateIndex
CREATE INDEX "Satellite_regionId_idx" ON "Satellite"("regionId");

-- CreateIndex
CREATE INDEX "Satellite_kind_idx" ON "Satellite"("kind");

-- CreateIndex
CREATE INDEX "Satellite_provider_idx" ON "Satellite"("provider");

-- CreateIndex
CREATE INDEX "Satellite_lifecycle_idx" ON "Satellite"("lifecycle");

-- CreateIndex
CREATE INDEX "Satellite_country_idx" ON "Satellite"("country");

-- CreateIndex
CREATE INDEX "Satellite_name_idx" ON "Satellite"("name");

-- CreateIndex
CREATE INDEX "Satellite_staleAfter_idx" ON "Satellite"("staleAfter");

-- CreateIndex
CREATE INDEX "Satellite_offlineAfter_idx" ON "Satellite"("offlineAfter");

-- CreateIndex
CREATE INDEX "Satellite_lastSeenAt_idx" ON "Satellite"("lastSeenAt");

-- CreateIndex
CREATE INDEX "Satellite_reportedHealth_idx" ON "Satellite"("reportedHealth");

-- CreateIndex
CREATE UNIQUE INDEX "AgentCredential_tokenHash_key" ON "AgentCredential"("tokenHash");

-- CreateIndex
CREATE INDEX "AgentCredential_satelliteId_idx" ON "AgentCredential"("satelliteId");

-- CreateIndex
CREATE UNIQUE INDEX "JoinToken_tokenHash_key" ON "JoinToken"("tokenHash");

-- CreateIndex
CREATE INDEX "JoinToken_expiresAt_idx" ON "JoinToken"("expiresAt");

-- CreateIndex
CREATE INDEX "TelemetrySample_satelliteId_at_idx" ON "TelemetrySample"("satelliteId", "at");

-- CreateIndex
CREATE INDEX "TelemetrySample_at_idx" ON "TelemetrySample"("at");

-- CreateIndex
CREATE INDEX "TelemetryRollup_bucketSec_bucketStart_idx" ON "TelemetryRollup"("bucketSec", "bucketStart");

-- CreateIndex
CREATE INDEX "ConnectivityEvent_satelliteId_at_idx" ON "ConnectivityEvent"("satelliteId", "at");

-- CreateIndex
CREATE INDEX "ConnectivityEvent_at_idx" ON "ConnectivityEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "Release_version_key" ON "Release"("version");

-- CreateIndex
CREATE INDEX "ReleaseRegion_regionId_idx" ON "ReleaseRegion"("regionId");

-- CreateIndex
CREATE INDEX "Rollout_status_idx" ON "Rollout"("status");

-- CreateIndex
CREATE INDEX "Rollout_releaseId_idx" ON "Rollout"("releaseId");

-- CreateIndex
CREATE UNIQUE INDEX "RolloutWave_rolloutId_index_key" ON "RolloutWave"("rolloutId", "index");

-- CreateIndex
CREATE UNIQUE INDEX "RolloutTarget_commandId_key" ON "RolloutTarget"("commandId");

-- CreateIndex
CREATE INDEX "RolloutTarget_satelliteId_state_idx" ON "RolloutTarget"("satelliteId", "state");

-- CreateIndex
CREATE INDEX "RolloutTarget_waveId_state_idx" ON "RolloutTarget"("waveId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "RolloutTarget_rolloutId_satelliteId_key" ON "RolloutTarget"("rolloutId", "satelliteId");

-- CreateIndex
CREATE UNIQUE INDEX "Command_idempotencyKey_key" ON "Command"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Command_satelliteId_state_idx" ON "Command"("satelliteId", "state");

-- CreateIndex
CREATE INDEX "Command_state_leaseUntil_idx" ON "Command"("state", "leaseUntil");

-- CreateIndex
CREATE INDEX "Command_state_expiresAt_idx" ON "Command"("state", "expiresAt");

-- CreateIndex
CREATE INDEX "Command_issuedAt_idx" ON "Command"("issuedAt");

-- CreateIndex
CREATE INDEX "Command_rolloutId_idx" ON "Command"("rolloutId");

-- CreateIndex
CREATE INDEX "Incident_status_startedAt_idx" ON "Incident"("status", "startedAt");

-- CreateIndex
CREATE INDEX "Incident_startedAt_idx" ON "Incident"("startedAt");

-- CreateIndex
CREATE INDEX "IncidentSatellite_satelliteId_idx" ON "IncidentSatellite"("satelliteId");

-- CreateIndex
CREATE INDEX "IncidentUpdate_incidentId_createdAt_idx" ON "IncidentUpdate"("incidentId", "createdAt");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_startsAt_idx" ON "MaintenanceWindow"("startsAt");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_endsAt_idx" ON "MaintenanceWindow"("endsAt");

-- CreateIndex
CREATE INDEX "MaintenanceSatellite_satelliteId_idx" ON "MaintenanceSatellite"("satelliteId");

-- CreateIndex
CREATE UNIQUE INDEX "StatusPage_slug_key" ON "StatusPage"("slug");

-- CreateIndex
CREATE INDEX "StatusPageSatellite_satelliteId_idx" ON "StatusPageSatellite"("satelliteId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_at_idx" ON "AuditEvent"("targetType", "targetId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "Satellite" ADD CONSTRAINT "Satellite_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "ComplianceRegion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentCredential" ADD CONSTRAINT "AgentCredential_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinToken" ADD CONSTRAINT "JoinToken_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinToken" ADD CONSTRAINT "JoinToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TelemetrySample" ADD CONSTRAINT "TelemetrySample_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TelemetryRollup" ADD CONSTRAINT "TelemetryRollup_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectivityEvent" ADD CONSTRAINT "ConnectivityEvent_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseRegion" ADD CONSTRAINT "ReleaseRegion_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseRegion" ADD CONSTRAINT "ReleaseRegion_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "ComplianceRegion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rollout" ADD CONSTRAINT "Rollout_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rollout" ADD CONSTRAINT "Rollout_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutWave" ADD CONSTRAINT "RolloutWave_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutWave" ADD CONSTRAINT "RolloutWave_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutTarget" ADD CONSTRAINT "RolloutTarget_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutTarget" ADD CONSTRAINT "RolloutTarget_waveId_fkey" FOREIGN KEY ("waveId") REFERENCES "RolloutWave"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutTarget" ADD CONSTRAINT "RolloutTarget_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutTarget" ADD CONSTRAINT "RolloutTarget_commandId_fkey" FOREIGN KEY ("commandId") REFERENCES "Command"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Command" ADD CONSTRAINT "Command_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Command" ADD CONSTRAINT "Command_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Command" ADD CONSTRAINT "Command_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentSatellite" ADD CONSTRAINT "IncidentSatellite_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentSatellite" ADD CONSTRAINT "IncidentSatellite_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentUpdate" ADD CONSTRAINT "IncidentUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentUpdate" ADD CONSTRAINT "IncidentUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceWindow" ADD CONSTRAINT "MaintenanceWindow_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceSatellite" ADD CONSTRAINT "MaintenanceSatellite_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "MaintenanceWindow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceSatellite" ADD CONSTRAINT "MaintenanceSatellite_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusPageRegion" ADD CONSTRAINT "StatusPageRegion_statusPageId_fkey" FOREIGN KEY ("statusPageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusPageRegion" ADD CONSTRAINT "StatusPageRegion_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "ComplianceRegion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusPageSatellite" ADD CONSTRAINT "StatusPageSatellite_statusPageId_fkey" FOREIGN KEY ("statusPageId") REFERENCES "StatusPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusPageSatellite" ADD CONSTRAINT "StatusPageSatellite_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRegion" ADD CONSTRAINT "UserRegion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRegion" ADD CONSTRAINT "UserRegion_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "ComplianceRegion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

