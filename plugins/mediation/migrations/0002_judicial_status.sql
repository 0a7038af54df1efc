-- What became of an agreement at court. The parties may apply for judicial confirmation within 30
-- days of the agreement taking effect (人民调解法 第三十三条), i.e. once every party confirmed it
-- (`effective_at`); the plugin's daily activity marks a window that passed unused, and the court's
-- answer to the referral (the plugin's workflow hook) records whether it confirmed the agreement.
ALTER TABLE mediation_agreement
  ADD COLUMN effective_at timestamptz,
  ADD COLUMN judicial_status text NOT NULL DEFAULT 'not-applied'
    CHECK (judicial_status IN ('not-applied', 'applied', 'confirmed', 'not-confirmed', 'window-lapsed'));

UPDATE mediation_agreement SET judicial_status = 'applied' WHERE judicial_referral_id IS NOT NULL;
