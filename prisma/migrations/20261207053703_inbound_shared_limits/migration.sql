-- CreateTable
CREATE TABLE "InboundFailure" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundFailure_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SinchNonce" (
    "serviceId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SinchNonce_pkey" PRIMARY KEY ("serviceId","nonce")
);

-- CreateIndex
CREATE INDEX "InboundFailure_windowStart_idx" ON "InboundFailure"("windowStart");

-- CreateIndex
CREATE INDEX "SinchNonce_expiresAt_idx" ON "SinchNonce"("expiresAt");

