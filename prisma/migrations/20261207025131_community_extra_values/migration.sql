-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "customFields" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "extraValueMappings" JSONB NOT NULL DEFAULT '[]';

