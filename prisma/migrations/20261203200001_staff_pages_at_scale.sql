-- migrate:up
-- Staff pages whose cost does not grow with the pool (issue 20, docs/benchmarks.md "Staff pages").
--
-- 1. Search through an index: pg_trgm GIN indexes over `search_text(...)`, the text lower-cased and without
--    accents, so "pena" finds "Peña" and "ALVAREZ" finds "Álvarez". Both extensions are "trusted" (PostgreSQL 13+):
--    the database's owner installs them without being a superuser. Their functions are executable by PUBLIC, so
--    the least-privileged app role uses them as it is.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is STABLE (it reads a dictionary chosen through search_path), so no index may use it. Naming the
-- dictionary by schema makes the result depend on the argument alone: IMMUTABLE is then true, as long as the
-- dictionary's rules file does not change (it ships with PostgreSQL). A SQL-standard body is parsed once, here,
-- so the search_path of whoever calls it does not matter either.
CREATE FUNCTION "search_text"(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));

CREATE INDEX "candidates_name_search_idx" ON "candidates" USING gin ("search_text"("full_name") gin_trgm_ops);
CREATE INDEX "candidates_email_search_idx" ON "candidates" USING gin ("email" gin_trgm_ops);

-- 2. Filters staff use together, and sorting. A page is a keyset page: the rows after the last one seen in the
--    order (sort column, created_at, id), read from an index in that order (forwards or backwards) and stopped after
--    25 rows, so page 500 costs what page 1 does. Each index is (column, created_at, id), all ascending as a row
--    comparison needs: it serves "filter on the column, newest first" and "sort on the column" alike. Email sorts on
--    its unique index. Arrays go through GIN (`interests @> ARRAY[…]`).
CREATE INDEX "candidates_status_created_at_idx" ON "candidates"("status", "created_at", "id");
CREATE INDEX "candidates_municipality_created_at_idx" ON "candidates"("municipality", "created_at", "id");
CREATE INDEX "candidates_level_created_at_idx" ON "candidates"("english_level", "created_at", "id");
CREATE INDEX "candidates_birth_year_created_at_idx" ON "candidates"("birth_year", "created_at", "id");
CREATE INDEX "candidates_full_name_created_at_idx" ON "candidates"("full_name", "created_at", "id");
CREATE INDEX "candidates_interests_idx" ON "candidates" USING gin ("interests");
CREATE INDEX "candidates_programs_idx" ON "candidates" USING gin ("programs");

-- 3. Dashboard counts, kept as the candidates change. Each statement that writes candidates appends its net change
--    to `candidate_count_changes` (statement triggers with transition tables: one row per distinct kind of
--    candidate the statement touched, so a bulk load adds a few thousand rows, not a million). Appending never
--    waits on another sign-up, where updating a shared counter row would line every sign-up of the day up behind
--    one lock. The job worker folds the changes into the counts (`fold_candidate_counts()`, every
--    CANDIDATE_COUNTS_FOLD_MINUTES); the dashboard reads the counts plus the changes not yet folded, in one
--    statement, so it is exact whenever it is read.
CREATE TABLE "candidate_count_changes" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "status" "candidate_status" NOT NULL,
    "english_level" "english_level" NOT NULL,
    "municipality" TEXT NOT NULL,
    "interests" TEXT[],
    "programs" TEXT[],
    "delta" INTEGER NOT NULL,

    CONSTRAINT "candidate_count_changes_pkey" PRIMARY KEY ("id")
);

-- Rows come and go all day (appended, then folded away): vacuumed and analyzed after every thousand, not after a
-- fifth of the table, so its dead rows and stale statistics never make the dashboard scan or plan for more.
ALTER TABLE "candidate_count_changes" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                                           autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);

-- Sign-ups per day (Colombia time) and status, per dimension: `all` (key ''), `level`, `municipality`, `interest`,
-- `program`. The dashboard's weeks and last 30 days read the `all` rows of those days (the key's prefix).
CREATE TABLE "candidate_daily_counts" (
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "status" "candidate_status" NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "candidate_daily_counts_pkey" PRIMARY KEY ("dimension", "key", "day", "status")
);

-- The same, over all days: the dashboard's bars and totals, a few hundred rows whatever the pool.
CREATE TABLE "candidate_total_counts" (
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" "candidate_status" NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "candidate_total_counts_pkey" PRIMARY KEY ("dimension", "key", "status")
);

-- The day a candidate counts on: the sign-up's calendar day in Colombia.
CREATE FUNCTION "candidate_count_day"(created_at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN (created_at AT TIME ZONE 'America/Bogota')::date;

CREATE FUNCTION "candidate_counts_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO candidate_count_changes (day, status, english_level, municipality, interests, programs, delta)
  SELECT candidate_count_day(created_at), status, english_level, municipality, coalesce(interests, '{}'), coalesce(programs, '{}'), count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;

CREATE FUNCTION "candidate_counts_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO candidate_count_changes (day, status, english_level, municipality, interests, programs, delta)
  SELECT candidate_count_day(created_at), status, english_level, municipality, coalesce(interests, '{}'), coalesce(programs, '{}'), -count(*)
    FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;

-- An update counts as the old row out and the new one in; when nothing counted changed (a new `updated_at`, a
-- sign-up of an address already known), the two cancel and nothing is written.
CREATE FUNCTION "candidate_counts_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO candidate_count_changes (day, status, english_level, municipality, interests, programs, delta)
  SELECT day, status, english_level, municipality, interests, programs, sum(delta)
    FROM (SELECT candidate_count_day(created_at) AS day, status, english_level, municipality,
                 coalesce(interests, '{}') AS interests, coalesce(programs, '{}') AS programs, 1 AS delta FROM new_rows
          UNION ALL
          SELECT candidate_count_day(created_at), status, english_level, municipality,
                 coalesce(interests, '{}'), coalesce(programs, '{}'), -1 FROM old_rows) d
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(delta) <> 0;
  RETURN NULL;
END $$;

-- TRUNCATE fires no row or statement DML trigger: the counts are emptied with the table.
CREATE FUNCTION "candidate_counts_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM candidate_count_changes;
  DELETE FROM candidate_daily_counts;
  DELETE FROM candidate_total_counts;
  RETURN NULL;
END $$;

CREATE TRIGGER "candidate_counts_insert" AFTER INSERT ON "candidates"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "candidate_counts_on_insert"();
CREATE TRIGGER "candidate_counts_update" AFTER UPDATE ON "candidates"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "candidate_counts_on_update"();
CREATE TRIGGER "candidate_counts_delete" AFTER DELETE ON "candidates"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "candidate_counts_on_delete"();
CREATE TRIGGER "candidate_counts_truncate" AFTER TRUNCATE ON "candidates"
  FOR EACH STATEMENT EXECUTE FUNCTION "candidate_counts_on_truncate"();

-- Changes exploded into the counts' dimensions: what the dashboard adds to the folded counts, and what a fold adds
-- to them. An array's repeated value counts once, as the list's `@>` filter finds the candidate once.
CREATE FUNCTION "candidate_count_pending"()
  RETURNS TABLE (day date, status candidate_status, dimension text, key text, delta integer)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT c.day, c.status, d.dimension, d.key, c.delta
    FROM candidate_count_changes c
   CROSS JOIN LATERAL (
     SELECT 'all', '' UNION ALL
     SELECT 'level', c.english_level::text UNION ALL
     SELECT 'municipality', c.municipality UNION ALL
     SELECT DISTINCT 'interest', i FROM unnest(c.interests) AS i UNION ALL
     SELECT DISTINCT 'program', p FROM unnest(c.programs) AS p
   ) AS d(dimension, key);
END;

-- Folds every committed change into the counts, in one statement (a concurrent fold skips the rows this one
-- deleted: nothing is counted twice). Returns how many change rows it folded.
CREATE FUNCTION "fold_candidate_counts"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE folded integer;
BEGIN
  WITH moved AS (
    DELETE FROM candidate_count_changes RETURNING *
  ), exploded AS (
    SELECT m.day, m.status, d.dimension, d.key, sum(m.delta)::int AS n
      FROM moved m
     CROSS JOIN LATERAL (
       SELECT 'all', '' UNION ALL
       SELECT 'level', m.english_level::text UNION ALL
       SELECT 'municipality', m.municipality UNION ALL
       SELECT DISTINCT 'interest', i FROM unnest(m.interests) AS i UNION ALL
       SELECT DISTINCT 'program', p FROM unnest(m.programs) AS p
     ) AS d(dimension, key)
     GROUP BY 1, 2, 3, 4
    HAVING sum(m.delta) <> 0
  ), daily AS (
    INSERT INTO candidate_daily_counts AS t (dimension, key, day, status, n)
    SELECT dimension, key, day, status, n FROM exploded
    ON CONFLICT (dimension, key, day, status) DO UPDATE SET n = t.n + EXCLUDED.n
  ), total AS (
    INSERT INTO candidate_total_counts AS t (dimension, key, status, n)
    SELECT dimension, key, status, sum(n) FROM exploded GROUP BY 1, 2, 3 HAVING sum(n) <> 0
    ON CONFLICT (dimension, key, status) DO UPDATE SET n = t.n + EXCLUDED.n
  )
  SELECT count(*) INTO folded FROM moved;
  DELETE FROM candidate_daily_counts WHERE n = 0;
  DELETE FROM candidate_total_counts WHERE n = 0;
  RETURN folded;
END $$;

-- The candidates already there, counted once.
INSERT INTO candidate_count_changes (day, status, english_level, municipality, interests, programs, delta)
SELECT candidate_count_day(created_at), status, english_level, municipality, coalesce(interests, '{}'), coalesce(programs, '{}'), count(*)
  FROM candidates GROUP BY 1, 2, 3, 4, 5, 6;
SELECT fold_candidate_counts();

-- migrate:down
DROP TRIGGER IF EXISTS "candidate_counts_insert" ON "candidates";
DROP TRIGGER IF EXISTS "candidate_counts_update" ON "candidates";
DROP TRIGGER IF EXISTS "candidate_counts_delete" ON "candidates";
DROP TRIGGER IF EXISTS "candidate_counts_truncate" ON "candidates";
DROP FUNCTION IF EXISTS "fold_candidate_counts"();
DROP FUNCTION IF EXISTS "candidate_count_pending"();
DROP FUNCTION IF EXISTS "candidate_counts_on_insert"();
DROP FUNCTION IF EXISTS "candidate_counts_on_update"();
DROP FUNCTION IF EXISTS "candidate_counts_on_delete"();
DROP FUNCTION IF EXISTS "candidate_counts_on_truncate"();
DROP FUNCTION IF EXISTS "candidate_count_day"(timestamptz);
DROP TABLE IF EXISTS "candidate_total_counts", "candidate_daily_counts", "candidate_count_changes";
DROP INDEX IF EXISTS "candidates_full_name_created_at_idx", "candidates_birth_year_created_at_idx", "candidates_programs_idx", "candidates_interests_idx",
  "candidates_level_created_at_idx", "candidates_municipality_created_at_idx", "candidates_status_created_at_idx",
  "candidates_email_search_idx", "candidates_name_search_idx";
DROP FUNCTION IF EXISTS "search_text"(text);
