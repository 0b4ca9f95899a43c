-- Physical device audits: a school's devices are counted by scanning them. While an audit is open,
-- the devices expected there are the school's devices right now (a device moved mid-audit moves
-- with it); closing the audit freezes the outcome: the counts on the audit and a 'missing' row for
-- every expected device nobody scanned, so an old audit reads the same next year.

CREATE TABLE device_audits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  name text NOT NULL CHECK (name <> ''),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  closed_at timestamptz,
  closed_by text,
  close_note text,
  -- Frozen at close; while open they are counted live.
  expected_count integer,
  seen_here_count integer,
  seen_elsewhere_count integer,
  missing_count integer,
  UNIQUE (district_id, id),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX device_audits_school ON device_audits (district_id, school_id, due_on DESC);

-- One row per device per audit: scanned at the school it belongs to ('seen_here'), scanned there
-- but belonging elsewhere or nowhere ('seen_elsewhere'), or written at close for an expected
-- device nobody scanned ('missing'). The unique key makes a second scan of a device a no-op.
CREATE TABLE device_audit_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  audit_id uuid NOT NULL,
  device_id uuid NOT NULL,
  result text NOT NULL CHECK (result IN ('seen_here', 'seen_elsewhere', 'missing')),
  -- What the scanner read (a tag or a serial), and where and in what state the device was then.
  scanned_as text,
  device_school_id uuid REFERENCES schools(id),
  device_status text NOT NULL,
  seen_at timestamptz,
  seen_by text,
  FOREIGN KEY (district_id, audit_id) REFERENCES device_audits(district_id, id),
  FOREIGN KEY (district_id, device_id) REFERENCES devices(district_id, id),
  UNIQUE (audit_id, device_id),
  CHECK ((result = 'missing') = (seen_at IS NULL))
);
CREATE INDEX device_audit_items_result ON device_audit_items (audit_id, result);
CREATE INDEX device_audit_items_device ON device_audit_items (device_id);
