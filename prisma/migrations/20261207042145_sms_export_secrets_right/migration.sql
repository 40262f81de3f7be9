-- AlterEnum
ALTER TYPE "Access" ADD VALUE 'export_secrets';

