-- CreateIndex
CREATE INDEX "RoleRight_objectId_idx" ON "RoleRight"("objectId");

-- CreateIndex
CREATE INDEX "UserRight_objectId_idx" ON "UserRight"("objectId");

