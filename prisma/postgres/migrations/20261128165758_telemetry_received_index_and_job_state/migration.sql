-- CreateTable
CREATE TABLE "JobState" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobState_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "TelemetrySample_receivedAt_idx" ON "TelemetrySample"("receivedAt");

