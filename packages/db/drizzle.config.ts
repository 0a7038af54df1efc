import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  // Policies name the application role, which `ensureRoles` creates outside migrations.
  entities: { roles: { provider: '', exclude: ['linju_app'] } },
});
