-- CreateTable
CREATE TABLE "ComplianceRegion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "frameworks" JSONB NOT NULL,
    "residencyRule" TEXT NOT NULL DEFAULT 'in_region',
    "residencyAllowed" JSONB NOT NULL,
    "countries" JSONB NOT NULL,
    "color" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Satellite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lon" REAL NOT NULL,
    "regionId" TEXT NOT NULL,
    "isRegionPinned" BOOLEAN NOT NULL DEFAULT false,
    "labels" JSONB NOT NULL,
    "cpuCores" INTEGER NOT NULL,
    "memoryGb" INTEGER NOT NULL,
    "storageTb" REAL NOT NULL,
    "uplinkMbps" INTEGER NOT NULL,
    "downlinkMbps" INTEGER NOT NULL,
    "stackVersion" TEXT,
    "agentVersion" TEXT,
    "lifecycle" TEXT NOT NULL DEFAULT 'pending',
    "heartbeatIntervalSec" INTEGER NOT NULL DEFAULT 10,
    "labelText" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "lastSeenAt" DATETIME,
    "staleAfter" DATETIME,
    "offlineAfter" DATETIME,
    "lastSeq" BIGINT,
    "reportedHealth" TEXT NOT NULL DEFAULT 'unknown',
    "services" JSONB,
    "lastRxMbps" REAL,
    "lastTxMbps" REAL,
    "lastRttMs" REAL,
    "recordedConnectivity" TEXT NOT NULL DEFAULT 'never_seen',
    "decommissionedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Satellite_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "ComplianceRegion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgentCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "satelliteId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenHint" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "AgentCredential_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JoinToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "tokenHint" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "maxUses" INTEGER NOT NULL DEFAULT 1,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "satelliteId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JoinToken_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JoinToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TelemetrySample" (
    "satelliteId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "at" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cpuPct" REAL NOT NULL,
    "memPct" REAL NOT NULL,
    "diskPct" REAL NOT NULL,
    "rxMbps" REAL NOT NULL,
    "txMbps" REAL NOT NULL,
    "rttMs" REAL NOT NULL,
    "lossPct" REAL NOT NULL,
    "health" TEXT NOT NULL,
    "services" JSONB NOT NULL,

    PRIMARY KEY ("satelliteId", "seq"),
    CONSTRAINT "TelemetrySample_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TelemetryRollup" (
    "satelliteId" TEXT NOT NULL,
    "bucketSec" INTEGER NOT NULL,
    "bucketStart" DATETIME NOT NULL,
    "samples" INTEGER NOT NULL,
    "cpuAvg" REAL NOT NULL,
    "cpuMax" REAL NOT NULL,
    "memAvg" REAL NOT NULL,
    "diskAvg" REAL NOT NULL,
    "rxAvg" REAL NOT NULL,
    "rxMax" REAL NOT NULL,
    "txAvg" REAL NOT NULL,
    "txMax" REAL NOT NULL,
    "rttAvg" REAL NOT NULL,
    "rttMax" REAL NOT NULL,
    "lossAvg" REAL NOT NULL,
    "healthyCount" INTEGER NOT NULL,
    "degradedCount" INTEGER NOT NULL,
    "criticalCount" INTEGER NOT NULL,
    "expectedCount" INTEGER NOT NULL,

    PRIMARY KEY ("satelliteId", "bucketSec", "bucketStart"),
    CONSTRAINT "TelemetryRollup_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConnectivityEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "satelliteId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "ConnectivityEvent_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "artifactSizeMb" REAL NOT NULL,
    "minAgentVersion" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Release_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReleaseRegion" (
    "releaseId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,

    PRIMARY KEY ("releaseId", "regionId"),
    CONSTRAINT "ReleaseRegion_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReleaseRegion_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "ComplianceRegion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rollout" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "selector" JSONB NOT NULL,
    "maxConcurrency" INTEGER NOT NULL,
    "bakeMinutes" INTEGER NOT NULL,
    "failureThresholdPct" REAL NOT NULL,
    "requireApproval" BOOLEAN NOT NULL DEFAULT false,
    "isRegionByRegion" BOOLEAN NOT NULL DEFAULT false,
    "currentWave" INTEGER NOT NULL DEFAULT 0,
    "pausedReason" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "Rollout_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Rollout_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RolloutWave" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rolloutId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "targetCount" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "approvedById" TEXT,
    "approvedAt" DATETIME,
    "startedAt" DATETIME,
    "bakeUntil" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "RolloutWave_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RolloutWave_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RolloutTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rolloutId" TEXT NOT NULL,
    "waveId" TEXT,
    "satelliteId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "excludedReason" TEXT,
    "fromVersion" TEXT,
    "commandId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RolloutTarget_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RolloutTarget_waveId_fkey" FOREIGN KEY ("waveId") REFERENCES "RolloutWave" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RolloutTarget_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RolloutTarget_commandId_fkey" FOREIGN KEY ("commandId") REFERENCES "Command" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Command" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "satelliteId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "deliveries" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" DATETIME,
    "issuedById" TEXT,
    "rolloutId" TEXT,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "deliveredAt" DATETIME,
    "finishedAt" DATETIME,
    "message" TEXT,
    "result" JSONB,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Command_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Command_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Command_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'investigating',
    "isProposed" BOOLEAN NOT NULL DEFAULT false,
    "isPublished" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Incident_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentSatellite" (
    "incidentId" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,

    PRIMARY KEY ("incidentId", "satelliteId"),
    CONSTRAINT "IncidentSatellite_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IncidentSatellite_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IncidentUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IncidentUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaintenanceWindow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MaintenanceWindow_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaintenanceSatellite" (
    "maintenanceId" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,

    PRIMARY KEY ("maintenanceId", "satelliteId"),
    CONSTRAINT "MaintenanceSatellite_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "MaintenanceWindow" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MaintenanceSatellite_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusPage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "allowedOrigins" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StatusPageRegion" (
    "statusPageId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,

    PRIMARY KEY ("statusPageId", "regionId"),
    CONSTRAINT "StatusPageRegion_statusPageId_fkey" FOREIGN KEY ("statusPageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusPageRegion_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "ComplianceRegion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusPageSatellite" (
    "statusPageId" TEXT NOT NULL,
    "satelliteId" TEXT NOT NULL,

    PRIMARY KEY ("statusPageId", "satelliteId"),
    CONSTRAINT "StatusPageSatellite_statusPageId_fkey" FOREIGN KEY ("statusPageId") REFERENCES "StatusPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusPageSatellite_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "disabledAt" DATETIME,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UserRegion" (
    "userId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,

    PRIMARY KEY ("userId", "regionId"),
    CONSTRAINT "UserRegion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserRegion_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "ComplianceRegion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuthThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "blockedUntil" DATETIME
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "summary" TEXT NOT NULL,
    "data" JSONB,
    "ip" TEXT,
    "requestId" TEXT
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
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

