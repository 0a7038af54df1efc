-- An operator's second factor remembers the last accepted time step (a code is taken once); the app
-- role may write that column alone, and so lock the operator's row while a code is weighed.
GRANT UPDATE (totp_last_used_step) ON platform_operator TO linju_app;
