-- Back-to-school readiness (issue 5): per school year, a checklist for each tier-1 and tier-2
-- system, each item owned by an account, due before the first day of school and closed with
-- evidence. "Late" is computed when read (due date passed in the district's time zone, not
-- done), never stored, so it cannot go stale.

CREATE TABLE readiness_years (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  school_year integer NOT NULL, -- the year the school year ends in, as OneRoster counts it (2025–26 is 2026)
  first_day date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, school_year)
);

CREATE TABLE readiness_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  year_id uuid NOT NULL REFERENCES readiness_years(id) ON DELETE CASCADE,
  system_id text NOT NULL,
  -- the default template's item this came from, so applying the template twice adds nothing
  template_key text,
  title text NOT NULL,
  owner_account_id uuid NOT NULL REFERENCES accounts(id),
  due_date date NOT NULL,
  done_at timestamptz,
  done_by_account_id uuid REFERENCES accounts(id),
  done_by_label text,
  evidence_text text,
  evidence_url text,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (district_id, system_id) REFERENCES systems(district_id, id) ON DELETE CASCADE,
  CHECK (done_at IS NULL OR evidence_text IS NOT NULL OR evidence_url IS NOT NULL)
);
CREATE INDEX readiness_items_year ON readiness_items (district_id, year_id, system_id, position);
CREATE UNIQUE INDEX readiness_items_template ON readiness_items (year_id, system_id, template_key) WHERE template_key IS NOT NULL;
CREATE INDEX readiness_items_owner ON readiness_items (owner_account_id);
