-- Rostering: the record of every OneRoster import, uploads waiting for their job, the
-- organisations that are neither the district nor a school, and OneRoster 1.2 user profiles.

CREATE TABLE roster_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- NULL only while (or because) an import could not find or create its district.
  district_id uuid REFERENCES districts(id),
  source text NOT NULL CHECK (source IN ('upload', 'cli', 'demo')),
  actor_account_id uuid REFERENCES accounts(id) ON DELETE SET NULL,
  actor_label text NOT NULL,
  file_name text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  oneroster_version text,
  -- [{name, bytes, sha256, mode, rows}]: what was imported, so a district can prove it later.
  files jsonb NOT NULL DEFAULT '[]',
  counts jsonb NOT NULL DEFAULT '{}',
  errors jsonb NOT NULL DEFAULT '[]',
  errors_truncated boolean NOT NULL DEFAULT false,
  warnings jsonb NOT NULL DEFAULT '[]',
  progress jsonb,
  job_id uuid REFERENCES jobs(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX roster_imports_district ON roster_imports (district_id, created_at DESC);

-- An uploaded zip, in chunks, until its job has run: any server process sharing the database
-- can take the job. Deleted as soon as the import ends (it holds student data).
CREATE TABLE roster_import_uploads (
  import_id uuid NOT NULL REFERENCES roster_imports(id) ON DELETE CASCADE,
  district_id uuid NOT NULL REFERENCES districts(id),
  seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (import_id, seq)
);

-- OneRoster orgs of type department, local, state or national: users and courses may name them.
-- Districts live in `districts` and schools in `schools`.
CREATE TABLE roster_orgs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  sourced_id text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  name text NOT NULL,
  org_type text NOT NULL,
  identifier text,
  parent_sourced_id text,
  extra jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, sourced_id)
);

-- OneRoster 1.2 userProfiles.csv: a user's accounts in other systems. Passwords are never stored.
CREATE TABLE roster_user_profiles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  sourced_id text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  person_id uuid NOT NULL REFERENCES people(id),
  profile_type text NOT NULL,
  vendor_id text NOT NULL,
  application_id text,
  description text,
  credential_type text,
  username text,
  extra jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, sourced_id)
);
CREATE INDEX roster_user_profiles_person ON roster_user_profiles (person_id);
