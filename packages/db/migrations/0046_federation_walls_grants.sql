-- The allow-list is the node's (a platform table, no row security); operators manage it through the app role.
GRANT SELECT, INSERT, DELETE ON federation_peer_allowance TO linju_app;
