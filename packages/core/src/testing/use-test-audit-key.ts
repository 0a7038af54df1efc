import { inject } from 'vitest';
import { useAuditKey } from '../audit/audit-key.ts';

// Integration tests append audit entries in-process, as the server and worker do after start-up:
// with the audit key of the run's data key (which a spawned process gets as LINJU_DATA_KEY).
useAuditKey(Buffer.from(inject('dataKey'), 'base64'));
