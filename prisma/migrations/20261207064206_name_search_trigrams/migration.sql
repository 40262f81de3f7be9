-- The services list's name search is ILIKE '%text%', which no btree index serves: without this it
-- reads every service. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create
-- it. PGlite loads it in lib/db/adapter.ts. Written by hand: Prisma's schema cannot declare this index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "MessagingService_name_trgm_idx" ON "MessagingService" USING gin ("name" gin_trgm_ops);
