-- CreateIndex
CREATE INDEX "User_logonName_idx" ON "User"("logonName");

