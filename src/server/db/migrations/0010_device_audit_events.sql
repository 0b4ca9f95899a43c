-- A device scanned in a physical audit says so in its own history: "seen at North High on
-- March 3 by the technician", the last place anyone laid eyes on it when it goes missing later.
ALTER TABLE device_events DROP CONSTRAINT device_events_type_check;
ALTER TABLE device_events ADD CONSTRAINT device_events_type_check
  CHECK (type IN ('created', 'updated', 'status_changed', 'checked_out', 'checked_in', 'undone', 'imported',
                  'repair_opened', 'repair_updated', 'repair_closed', 'loaner_out', 'loaner_in', 'audit_seen'));
