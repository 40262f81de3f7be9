-- CreateTable
CREATE TABLE "MessagingService" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "serviceConnection" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "MessagingService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessagingCredential" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "authId" TEXT NOT NULL,
    "secretSealed" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessagingCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "MessagingService_nameKey_key" ON "MessagingService"("nameKey");

-- CreateIndex
CREATE INDEX "MessagingService_type_name_idx" ON "MessagingService"("type", "name");

-- CreateIndex
CREATE INDEX "MessagingService_name_idx" ON "MessagingService"("name");

-- CreateIndex
CREATE UNIQUE INDEX "MessagingCredential_serviceId_authId_key" ON "MessagingCredential"("serviceId", "authId");

-- AddForeignKey
ALTER TABLE "MessagingCredential" ADD CONSTRAINT "MessagingCredential_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "MessagingService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

