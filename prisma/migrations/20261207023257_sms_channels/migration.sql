-- CreateTable
CREATE TABLE "SmsChannel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "secretsSealed" JSONB NOT NULL DEFAULT '{}',
    "restartBaseline" JSONB,
    "restartPending" BOOLEAN NOT NULL DEFAULT true,
    "restartedAt" TIMESTAMP(3),
    "keystoreSealed" TEXT,
    "keystoreFileName" TEXT,
    "keystoreUploadedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SmsChannel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SmsChannel_nameKey_key" ON "SmsChannel"("nameKey");

-- CreateIndex
CREATE INDEX "SmsChannel_name_idx" ON "SmsChannel"("name");

-- CreateIndex
CREATE INDEX "SmsChannel_restartPending_name_idx" ON "SmsChannel"("restartPending", "name");

