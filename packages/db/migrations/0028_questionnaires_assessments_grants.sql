-- Questionnaires: a draft's questions change until its first round is sent; never deleted, so
-- every response keeps the questions it answered.
GRANT SELECT, INSERT, UPDATE ON questionnaire TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON questionnaire_round TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT ON questionnaire_invitation TO linju_app;--> statement-breakpoint
-- A response is a record: inserted once, never changed.
GRANT SELECT, INSERT ON questionnaire_response TO linju_app;--> statement-breakpoint
-- A platform table read by the public questionnaire page (no tenant yet); only hashes, no personal data.
GRANT SELECT, INSERT, UPDATE ON questionnaire_access TO linju_app;--> statement-breakpoint
-- Third-party assessment results are imported, never edited: a correction is the assessor's new file.
GRANT SELECT, INSERT ON assessment_import TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT ON assessment_result TO linju_app;--> statement-breakpoint
ALTER TABLE questionnaire FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE questionnaire_round FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE questionnaire_invitation FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE questionnaire_response FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE assessment_import FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE assessment_result FORCE ROW LEVEL SECURITY;
