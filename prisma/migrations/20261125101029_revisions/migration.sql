-- CreateEnum
CREATE TYPE "RevisionAction" AS ENUM ('create', 'modify', 'delete', 'restore');

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "objectName" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" "RevisionAction" NOT NULL,
    "snapshot" JSONB NOT NULL,
    "auditEventId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Revision_auditEventId_key" ON "Revision"("auditEventId");

-- CreateIndex
CREATE INDEX "Revision_objectType_objectId_at_idx" ON "Revision"("objectType", "objectId", "at");

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_auditEventId_fkey" FOREIGN KEY ("auditEventId") REFERENCES "AuditEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

