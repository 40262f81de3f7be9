-- CreateEnum
CREATE TYPE "SignedIdentityMode" AS ENUM ('accept', 'reject', 'require');

-- CreateTable
CREATE TABLE "Community" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "signedIdentities" "SignedIdentityMode" NOT NULL DEFAULT 'reject',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityJwtKey" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "secretSealed" TEXT,
    "publicKeyPem" TEXT,
    "keyBits" INTEGER,
    "fingerprint" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL DEFAULT '',
    "lastVerifiedAt" TIMESTAMP(3),

    CONSTRAINT "CommunityJwtKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Community_nameKey_key" ON "Community"("nameKey");

-- CreateIndex
CREATE INDEX "Community_name_idx" ON "Community"("name");

-- CreateIndex
CREATE UNIQUE INDEX "CommunityJwtKey_communityId_keyId_key" ON "CommunityJwtKey"("communityId", "keyId");

-- AddForeignKey
ALTER TABLE "CommunityJwtKey" ADD CONSTRAINT "CommunityJwtKey_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

