-- The mediation record of a case: its mediators, the sessions held, the agreement reached (the
-- PDF is a case document) and each party's confirmation of it. Row-level security, the tenant
-- policy and the rights of the plugin's role are added by the platform's runner.
CREATE TABLE mediation_mediator (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  role text NOT NULL CHECK (role IN ('lead', 'assistant')),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, case_id, name),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id)
);

CREATE TABLE mediation_session (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  held_at timestamptz NOT NULL,
  place text NOT NULL,
  summary text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('continued', 'agreed', 'failed')),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id)
);
CREATE INDEX mediation_session_case ON mediation_session (tenant_id, case_id, held_at);

CREATE TABLE mediation_agreement (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  terms jsonb NOT NULL,
  document_id uuid NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- An unconfirmed agreement is replaced when the terms are redrafted.
  superseded_at timestamptz,
  judicial_referral_id uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id),
  FOREIGN KEY (tenant_id, document_id) REFERENCES case_document (tenant_id, id)
);
-- One agreement in force per case.
CREATE UNIQUE INDEX mediation_agreement_live ON mediation_agreement (tenant_id, case_id) WHERE superseded_at IS NULL;

CREATE TABLE mediation_confirmation (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  agreement_id uuid NOT NULL,
  party_name text NOT NULL,
  method text NOT NULL CHECK (method IN ('signature', 'fingerprint', 'remote-video')),
  recorded_by text NOT NULL,
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, agreement_id, party_name),
  FOREIGN KEY (tenant_id, agreement_id) REFERENCES mediation_agreement (tenant_id, id)
);
