-- The consultation log (咨询台账): every answer given on a consultation case, with how long it
-- took, for the duration statistics of walk-in, hotline and online consultation. Row-level
-- security, the tenant policy and the rights of the plugin's role are added by the runner.
CREATE TABLE consultation_log (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  -- The unit that gave the answer (its statistics), as the case stood then.
  organisation_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('walk-in', 'hotline', 'online')),
  topic text NOT NULL,
  adviser_name text NOT NULL,
  held_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
  answer text NOT NULL,
  follow_up text NOT NULL CHECK (follow_up IN ('none', 'call-back', 'documents-requested', 'referred', 'new-case')),
  follow_up_note text,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id)
);
CREATE INDEX consultation_log_unit ON consultation_log (tenant_id, organisation_id, held_at);
CREATE INDEX consultation_log_case ON consultation_log (tenant_id, case_id);
