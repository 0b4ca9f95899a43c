-- Systems & status: the catalog, dependencies, checks and their history, alert state,
-- notification channels, incidents and maintenance windows. A system's id is a slug chosen
-- by the district (config-as-code names it), unique within the district.

CREATE TABLE systems (
  district_id uuid NOT NULL REFERENCES districts(id),
  id text NOT NULL,
  name text NOT NULL,
  category text NOT NULL,
  owner_id uuid, -- an account or a rostered person of the district
  vendor text,
  tier integer NOT NULL CHECK (tier IN (1, 2, 3)),
  hosting text CHECK (hosting IN ('cloud', 'on-premises')),
  description text,
  runbook_url text,
  public_name_en text,
  public_name_es text,
  audience text NOT NULL CHECK (audience IN ('staff', 'families', 'both', 'hidden')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_id, id)
);

-- A dependency may not be deleted from under its dependents: the service refuses with their names.
CREATE TABLE system_dependencies (
  district_id uuid NOT NULL REFERENCES districts(id),
  system_id text NOT NULL,
  depends_on text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hard', 'soft')),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (district_id, system_id, depends_on),
  FOREIGN KEY (district_id, system_id) REFERENCES systems(district_id, id) ON DELETE CASCADE,
  FOREIGN KEY (district_id, depends_on) REFERENCES systems(district_id, id),
  CHECK (system_id <> depends_on)
);
CREATE INDEX system_dependencies_needed_by ON system_dependencies (district_id, depends_on);

-- spec holds the check as written (durations in ms); the columns beside it are what the
-- scheduler needs without parsing, and the run-time state of the check.
CREATE TABLE system_checks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  system_id text NOT NULL,
  key text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  type text NOT NULL CHECK (type IN ('http', 'tcp', 'dns', 'tls', 'heartbeat')),
  interval_ms integer NOT NULL CHECK (interval_ms >= 10000),
  spec jsonb NOT NULL,
  heartbeat_token_hash text UNIQUE,
  state text NOT NULL DEFAULT 'unknown' CHECK (state IN ('up', 'degraded', 'down', 'unknown')),
  consecutive_failures integer NOT NULL DEFAULT 0,
  state_since timestamptz,
  first_failure_at timestamptz,
  last_checked_at timestamptz,
  last_latency_ms integer,
  last_message text,
  last_beat_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (district_id, system_id) REFERENCES systems(district_id, id) ON DELETE CASCADE,
  UNIQUE (district_id, system_id, key)
);

-- Raw results are kept a few days; rollups keep the long history small (see history.ts).
CREATE TABLE check_results (
  district_id uuid NOT NULL REFERENCES districts(id),
  check_id uuid NOT NULL REFERENCES system_checks(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  ok boolean NOT NULL,
  latency_ms integer,
  message text
);
CREATE INDEX check_results_check_at ON check_results (check_id, at);
CREATE INDEX check_results_at ON check_results (at);

CREATE TABLE check_rollups (
  district_id uuid NOT NULL REFERENCES districts(id),
  check_id uuid NOT NULL REFERENCES system_checks(id) ON DELETE CASCADE,
  resolution text NOT NULL CHECK (resolution IN ('minute', 'hour', 'day')),
  bucket timestamptz NOT NULL,
  total integer NOT NULL,
  ok integer NOT NULL,
  latency_sum bigint NOT NULL,
  latency_max integer NOT NULL,
  PRIMARY KEY (check_id, resolution, bucket)
);
CREATE INDEX check_rollups_resolution_bucket ON check_rollups (resolution, bucket);

-- What the alerting has already said about a system, so it speaks on changes only.
CREATE TABLE system_alert_states (
  district_id uuid NOT NULL REFERENCES districts(id),
  system_id text NOT NULL,
  status text NOT NULL,
  status_since timestamptz NOT NULL,
  alert_open boolean NOT NULL DEFAULT false,
  alert_opened_at timestamptz,
  last_notified_at timestamptz,
  incident_id uuid,
  PRIMARY KEY (district_id, system_id),
  FOREIGN KEY (district_id, system_id) REFERENCES systems(district_id, id) ON DELETE CASCADE
);

CREATE TABLE notification_channels (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  position integer NOT NULL DEFAULT 0,
  spec jsonb NOT NULL,
  -- per channel, so a chat channel can be reminded hourly while email is told once
  last_reminded jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_channels_district ON notification_channels (district_id, position);

CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  title_en text NOT NULL,
  title_es text NOT NULL,
  status text NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
  impact text NOT NULL CHECK (impact IN ('degraded', 'partial_outage', 'major_outage')),
  root_system_id text,
  automatic boolean NOT NULL DEFAULT false,
  started_at timestamptz NOT NULL,
  detected_at timestamptz NOT NULL,
  resolved_at timestamptz,
  postmortem text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incidents_district_open ON incidents (district_id, resolved_at, started_at DESC);

CREATE TABLE incident_systems (
  district_id uuid NOT NULL REFERENCES districts(id),
  incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  system_id text NOT NULL,
  PRIMARY KEY (incident_id, system_id),
  FOREIGN KEY (district_id, system_id) REFERENCES systems(district_id, id) ON DELETE CASCADE
);

-- Public updates carry both languages; internal notes never leave the staff views.
CREATE TABLE incident_updates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL, -- orders updates written in the same instant (a public update and its note)
  district_id uuid NOT NULL REFERENCES districts(id),
  incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('public', 'internal')),
  status text CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
  message_en text,
  message_es text,
  note text,
  author_label text NOT NULL
);
CREATE INDEX incident_updates_incident ON incident_updates (incident_id, at, seq);

-- A window is one-off (starts_at/ends_at) or weekly (weekdays + local start time + duration in
-- its time zone); occurrences are computed when asked, never stored.
CREATE TABLE maintenance_windows (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  title_en text NOT NULL,
  title_es text NOT NULL,
  system_ids text[] NOT NULL,
  timezone text NOT NULL,
  starts_at timestamptz,
  ends_at timestamptz,
  weekdays integer[],
  local_start text,
  duration_minutes integer,
  valid_from date,
  valid_until date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > starts_at)
      OR (weekdays IS NOT NULL AND local_start IS NOT NULL AND duration_minutes > 0))
);
CREATE INDEX maintenance_windows_district ON maintenance_windows (district_id);
