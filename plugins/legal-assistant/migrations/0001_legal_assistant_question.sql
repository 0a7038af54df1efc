-- The questions asked of the assistant and the answers given, per district, with no personal data:
-- the question is scrubbed before it is kept, and no resident is named. A question asked by staff on a
-- case names the case, so its tools screen shows the last answer (the case already holds the resident).
CREATE TABLE legal_assistant_question (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  asked_at timestamptz NOT NULL DEFAULT now(),
  -- The district's month of asking (YYYY-MM), for the bureau's monthly counts.
  asked_month text NOT NULL CHECK (asked_month ~ '^\d{4}-\d{2}$'),
  channel text NOT NULL CHECK (channel IN ('public', 'staff')),
  case_id uuid,
  question text NOT NULL,
  topic text NOT NULL,
  services text[] NOT NULL DEFAULT '{}',
  amount_yuan numeric(14, 2) CHECK (amount_yuan >= 0),
  -- The answer as shown in Chinese: the model's when it answered, the template otherwise.
  answer text NOT NULL,
  model_outcome text NOT NULL CHECK (model_outcome IN ('none', 'answered', 'refused', 'unavailable')),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id),
  CHECK ((channel = 'staff') = (case_id IS NOT NULL))
);

CREATE INDEX legal_assistant_question_month ON legal_assistant_question (tenant_id, asked_month);
CREATE INDEX legal_assistant_question_case ON legal_assistant_question (tenant_id, case_id, asked_at)
  WHERE case_id IS NOT NULL;
