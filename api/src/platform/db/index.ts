// One Sequelize instance per process. SQLite is the embedded default; MySQL/MariaDB via DB_URL.
import path from 'node:path';
import { Sequelize, Transaction, type Options } from 'sequelize';

export type Db = {
  sequelize: Sequelize;
  dialect: 'sqlite' | 'mysql' | 'mariadb';
  /** Run `fn` in one transaction. On SQLite, writers are queued so they never meet SQLITE_BUSY. */
  tx<T>(fn: (t: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export function createDb(opts: { url?: string; dataDir: string; poolMax: number; logging?: (sql: string) => void }): Db {
  let sequelize: Sequelize;
  let dialect: Db['dialect'];
  const common: Options = { logging: opts.logging ?? false, define: { underscored: true, timestamps: false } };
  if (!opts.url || opts.url.startsWith('sqlite:')) {
    const storage = opts.url ? opts.url.replace(/^sqlite:(\/\/)?/, '') : path.join(opts.dataDir, 'hengqin.sqlite');
    sequelize = new Sequelize({ ...common, dialect: 'sqlite', storage, pool: { max: 5, min: 0, idle: 10000 } });
    dialect = 'sqlite';
  } else {
    const url = opts.url.replace(/^mariadb:/, 'mysql:');
    sequelize = new Sequelize(url, {
      ...common,
      dialect: 'mysql',
      timezone: '+08:00',
      pool: { max: opts.poolMax, min: 0, idle: 10000, acquire: 30000 },
      dialectOptions: { supportBigNumbers: true, bigNumberStrings: false, dateStrings: false, charset: 'utf8mb4' },
    });
    dialect = 'mysql';
  }

  // SQLite allows one writer at a time and Sequelize opens a connection per transaction;
  // a promise queue serialises transactions in this process instead of failing with BUSY.
  let queue: Promise<unknown> = Promise.resolve();
  const tx = <T>(fn: (t: Transaction) => Promise<T>): Promise<T> => {
    if (dialect !== 'sqlite') return sequelize.transaction(fn);
    const run = queue.then(() => sequelize.transaction(fn));
    queue = run.catch(() => undefined);
    return run;
  };

  return { sequelize, dialect, tx, close: () => sequelize.close() };
}

/** Pragmas for the embedded database: WAL lets readers go on while one writer commits. */
export async function prepareDb(db: Db): Promise<void> {
  if (db.dialect === 'sqlite') {
    await db.sequelize.query('PRAGMA journal_mode = WAL');
    await db.sequelize.query('PRAGMA synchronous = NORMAL');
    await db.sequelize.query('PRAGMA foreign_keys = ON');
    await db.sequelize.query('PRAGMA busy_timeout = 5000');
  }
}
