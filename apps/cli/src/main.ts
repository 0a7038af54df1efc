import { DomainError } from '@linju/core';
import { ZodError } from 'zod';
import { auditVerify, migrate, operatorCreate, seed, tenantCreate } from './commands/operator.ts';
import { start } from './commands/start.ts';
import { fatalLine } from './stack/progress.ts';

const USAGE = `linju — operate a Linju deployment

  linju start                       the whole stack on embedded defaults (npm start)
  linju migrate                     apply database migrations
  linju seed                        create the demo district if missing
  linju tenant create --file F      onboard a district from a JSON request
  linju audit verify <tenant>       check a tenant's audit hash chain
  linju operator create <user> <name>   a platform operator (password from LINJU_OPERATOR_PASSWORD)
`;

const [command, ...args] = process.argv.slice(2);

try {
  switch (command) {
    case 'start':
      await start();
      break;
    case 'migrate':
      await migrate();
      break;
    case 'seed':
      await seed();
      break;
    case 'tenant':
      if (args[0] !== 'create') throw new Error(`Unknown tenant command "${args[0] ?? ''}".\n${USAGE}`);
      await tenantCreate(args.slice(1));
      break;
    case 'audit':
      if (args[0] !== 'verify') throw new Error(`Unknown audit command "${args[0] ?? ''}".\n${USAGE}`);
      await auditVerify(args.slice(1));
      break;
    case 'operator':
      if (args[0] !== 'create') throw new Error(`Unknown operator command "${args[0] ?? ''}".\n${USAGE}`);
      await operatorCreate(args.slice(1));
      break;
    case '--version':
      process.stdout.write(`linju 0.1.0 on Node ${process.version}\n`);
      break;
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      break;
    default:
      throw new Error(`Unknown command "${command}".\n${USAGE}`);
  }
} catch (error) {
  const hint = error && typeof error === 'object' && 'hint' in error ? String(error.hint) : undefined;
  const message =
    error instanceof DomainError
      ? `${error.message}${error.field ? ` (field: ${error.field})` : ''}`
      : error instanceof ZodError
        ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : error instanceof Error
          ? error.message
          : String(error);
  process.stderr.write(fatalLine(message, hint));
  process.exit(1);
}
