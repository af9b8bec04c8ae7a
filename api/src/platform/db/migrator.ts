// Migrations live under sql/migrations and are applied by umzug: at start, and by `npm run migrate`.
import path from 'node:path';
import fs from 'node:fs';
import { Umzug, SequelizeStorage } from 'umzug';
import type { QueryInterface, Sequelize } from 'sequelize';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../../sql/migrations');

export interface MigrationContext {
  qi: QueryInterface;
  sequelize: Sequelize;
}

interface MigrationModule {
  up(ctx: MigrationContext): Promise<void>;
  down(ctx: MigrationContext): Promise<void>;
}

export function createMigrator(sequelize: Sequelize) {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}-.+\.ts$/.test(f))
    .sort();
  return new Umzug<MigrationContext>({
    migrations: files.map((f) => {
      const full = path.join(MIGRATIONS_DIR, f);
      return {
        name: f.replace(/\.ts$/, ''),
        // require, not import(): migrations are TypeScript loaded through tsx or ts-jest.
        up: async ({ context }) => (require(full) as MigrationModule).up(context),
        down: async ({ context }) => (require(full) as MigrationModule).down(context),
      };
    }),
    context: { qi: sequelize.getQueryInterface(), sequelize },
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

export async function pendingMigrations(sequelize: Sequelize): Promise<string[]> {
  return (await createMigrator(sequelize).pending()).map((m) => m.name);
}
