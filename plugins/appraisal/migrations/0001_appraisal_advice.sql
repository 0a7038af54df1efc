-- The advice given on an appraisal consultation and, when an appraisal is needed, the
-- institution (a partner organisation) the case was referred to. Row-level security, the tenant
-- policy and the rights of the plugin's role are added by the platform's runner.
CREATE TABLE appraisal_advice (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  appraisal_type text NOT NULL CHECK (appraisal_type IN ('injury-degree', 'disability-grade', 'mental-state', 'civil-capacity')),
  advice text NOT NULL,
  appraisal_needed boolean NOT NULL,
  institution_id uuid,
  referral_id uuid,
  given_by text NOT NULL,
  given_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id),
  FOREIGN KEY (tenant_id, institution_id) REFERENCES organisation (tenant_id, id),
  CHECK (referral_id IS NULL OR institution_id IS NOT NULL)
);
CREATE INDEX appraisal_advice_case ON appraisal_advice (tenant_id, case_id);
