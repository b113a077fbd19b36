-- AlterTable
ALTER TABLE "AgentCredential" ADD COLUMN     "rotationCommandId" TEXT;

