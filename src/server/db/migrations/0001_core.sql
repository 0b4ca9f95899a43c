-- Platform core: districts, the roster (OneRoster-shaped), accounts, sessions, tokens,
-- the audit log and the job queue. Every table holding district data carries district_id.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE districts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sourced_id text,
  name text NOT NULL,
  state_code text,
  nces_id text,
  timezone text NOT NULL DEFAULT 'America/Chicago',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE schools (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  sourced_id text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  name text NOT NULL,
  org_type text NOT NULL DEFAULT 'school',
  identifier text,
  nces_id text,
  state_id text,
  level text CHECK (level IN ('elementary', 'middle', 'high', 'other')),
  grades text[] NOT NULL DEFAULT '{}',
  address_line text,
  city text,
  region text,
  postal_code text,
  phone text,
  parent_sourced_id text,
  extra jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, sourced_id)
);

CREATE TABLE academic_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  sourced_id text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  title text NOT NULL,
  session_type text NOT NULL CHECK (session_type IN ('schoolYear', 'semester', 'term', 'gradingPeriod')),
  start_date date NOT NULL,
  end_date date NOT NULL,
  school_year integer NOT NULL,
  parent_id uuid REFERENCES academic_sessions(id) DEFERRABLE INITIALLY IMMEDIATE,
  extra jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, sourced_id),
  CHECK (end_date >= start_date)
);

CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  sourced_id text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  enabled_user boolean NOT NULL DEFAULT true,
  -- OneRoster 1.1 'role' / 1.2 primary role: student, teacher, administrator, aide, guardian, parent, relative, proctor ...
  primary_role text NOT NULL,
  username text,
  identifier text,
  given_name text NOT NULL,
  family_name text NOT NULL,
  middle_name text,
  preferred_given_name text,
  preferred_family_name text,
  email text,
  phone text,
  sms text,
  grades text[] NOT NULL DEFAULT '{}',
  primary_school_id uuid REFERENCES schools(id),
  birth_date date,
  demographics jsonb NOT NULL DEFAULT '{}',
  extra jsonb NOT NULL DEFAULT '{}',
  search_text text GENERATED ALWAYS AS (
    lower(coalesce(given_name, '') || ' ' || coalesce(preferred_given_name, '') || ' ' || coalesce(family_name, '') || ' ' ||
          coalesce(identifier, '') || ' ' || coalesce(email, '') || ' ' || coalesce(username, ''))
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, sourced_id)
);
CREATE INDEX people_search_trgm ON people USING gin (search_text gin_trgm_ops);
CREATE INDEX people_district_role ON people (district_id, primary_role, family_name, given_name);
CREATE INDEX people_email ON people (district_id, lower(email));

-- One person may hold several roles at several schools (a teacher who is also a parent).
CREATE TABLE person_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  person_id uuid NOT NULL REFERENCES people(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  role text NOT NULL,
  role_type text NOT NULL DEFAULT 'primary' CHECK (role_type IN ('primary', 'secondary')),
  begin_date date,
  end_date date,
  UNIQUE (person_id, school_id, role)
);
CREATE INDEX person_roles_school ON person_roles (school_id, role);

CREATE TABLE guardian_links (
  district_id uuid NOT NULL REFERENCES districts(id),
  guardian_id uuid NOT NULL REFERENCES people(id),
  student_id uuid NOT NULL REFERENCES people(id),
  relationship text,
  PRIMARY KEY (guardian_id, student_id)
);
CREATE INDEX guardian_links_student ON guardian_links (student_id);

CREATE TABLE courses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  sourced_id text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  title text NOT NULL,
  course_code text,
  grades text[] NOT NULL DEFAULT '{}',
  subjects text[] NOT NULL DEFAULT '{}',
  subject_codes text[] NOT NULL DEFAULT '{}',
  school_id uuid REFERENCES schools(id),
  school_year_id uuid REFERENCES academic_sessions(id),
  extra jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, sourced_id)
);

CREATE TABLE classes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  sourced_id text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  title text NOT NULL,
  class_code text,
  class_type text NOT NULL DEFAULT 'scheduled' CHECK (class_type IN ('homeroom', 'scheduled')),
  location text,
  school_id uuid NOT NULL REFERENCES schools(id),
  course_id uuid REFERENCES courses(id),
  grades text[] NOT NULL DEFAULT '{}',
  subjects text[] NOT NULL DEFAULT '{}',
  periods text[] NOT NULL DEFAULT '{}',
  term_ids uuid[] NOT NULL DEFAULT '{}',
  extra jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, sourced_id)
);
CREATE INDEX classes_school ON classes (school_id);

CREATE TABLE enrollments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  sourced_id text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  class_id uuid NOT NULL REFERENCES classes(id),
  person_id uuid NOT NULL REFERENCES people(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  role text NOT NULL CHECK (role IN ('student', 'teacher', 'administrator', 'aide', 'guardian', 'parent', 'proctor')),
  is_primary boolean NOT NULL DEFAULT false,
  begin_date date,
  end_date date,
  extra jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, sourced_id)
);
CREATE INDEX enrollments_person ON enrollments (person_id, role);
CREATE INDEX enrollments_class ON enrollments (class_id, role);

-- Sign-in accounts. An account may be linked to a rostered person (a teacher, a guardian);
-- the roles below are DistrictOps roles, not roster roles.
CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  person_id uuid REFERENCES people(id),
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text,
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email ON accounts (lower(email));

CREATE TABLE account_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('district_admin', 'it_staff', 'privacy_officer', 'instructional_coach',
                                     'principal', 'teacher', 'student', 'guardian', 'board')),
  school_id uuid REFERENCES schools(id)
);
CREATE UNIQUE INDEX account_roles_unique ON account_roles (account_id, role, coalesce(school_id, '00000000-0000-0000-0000-000000000000'::uuid));

CREATE TABLE sessions (
  id text PRIMARY KEY, -- sha256 of the cookie value: a database leak does not leak live sessions
  district_id uuid NOT NULL REFERENCES districts(id),
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  public_id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  csrf_token text NOT NULL,
  auth_method text NOT NULL DEFAULT 'password',
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  role text NOT NULL CHECK (role IN ('district_admin', 'it_staff', 'privacy_officer', 'instructional_coach',
                                     'principal', 'board')),
  school_ids uuid[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  last_used_ip text,
  revoked_at timestamptz
);

CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  district_id uuid NOT NULL REFERENCES districts(id),
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE oidc_logins (
  state text PRIMARY KEY,
  provider text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only. A trigger refuses UPDATE and DELETE for every role, so no code path can
-- rewrite history; retention, if a district wants it, is a deliberate migration.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  district_id uuid REFERENCES districts(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid,
  actor_token_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  ip text,
  user_agent text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_district_at ON audit_log (district_id, at DESC);
CREATE INDEX audit_log_actor ON audit_log (district_id, actor_account_id, at DESC);
CREATE INDEX audit_log_entity ON audit_log (district_id, entity_type, entity_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid REFERENCES districts(id),
  queue text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'active', 'completed', 'failed', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3,
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_at timestamptz,
  locked_by text,
  progress jsonb,
  result jsonb,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX jobs_ready ON jobs (queue, run_at) WHERE state IN ('queued', 'failed');
