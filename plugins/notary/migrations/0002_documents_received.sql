-- The documents of a notarial matter's checklist the office has received for a case (ticked at
-- the desk). A document not listed here is still missing. Row-level security, the tenant policy
-- and the plugin role's rights are added by the platform's runner.
CREATE TABLE notary_document_received (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  case_id uuid NOT NULL,
  document_id text NOT NULL,
  received_by text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, case_id, document_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id)
);
