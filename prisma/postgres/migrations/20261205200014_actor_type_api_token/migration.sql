-- AlterEnum
ALTER TYPE "ActorType" ADD VALUE 'apiToken';

