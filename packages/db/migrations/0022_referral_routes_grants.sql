-- Routes are written with the referral (inside a tenant transaction) and read before the tenant is known.
GRANT SELECT, INSERT ON federation_route TO linju_app;
