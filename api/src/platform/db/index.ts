// One Sequelize instance per process. SQLite is the embedded default; MySQL/MariaDB via DB_URL.
import path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Sequelize, Transaction, type Options } from 'sequelize';

export type Db = {
  sequelize: Sequelize;
  dialect: 'sqlite' | 'mysql' | 'mariadb';
  /** Run `fn` in one transaction. On SQLite, writers are queued so they never meet SQLITE_BUSY. */
  tx<T>(fn: (t: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/**
 * Which transaction the running code is inside, to catch a query that forgets `transaction: t`:
 * such a query takes a second pooled connection while the first is held, so under load every
 * connection waits for another and the pool times out (or, on SQLite, it reads around the
 * writer). A nested `db.tx` has the same effect.
 */
const txScope = new AsyncLocalStorage<{ open: boolean }>();

export class TransactionMisuseError extends Error {}

/** Work registered to run at the end of a db.tx transaction, just before it commits. */
const beforeCommitWork = new WeakMap<Transaction, (() => Promise<void>)[]>();

/**
 * Run `fn` as the last step of transaction `t` (in registration order), after its body and
 * before COMMIT — so a row that every transaction locks (the audit chain's head) is held only
 * for that last moment. Returns false when `t` was not opened by db.tx: do the work now.
 */
export function beforeCommit(t: Transaction, fn: () => Promise<void>): boolean {
  const list = beforeCommitWork.get(t);
  if (!list) return false;
  list.push(fn);
  return true;
}

export function createDb(opts: {
  url?: string; dataDir: string; poolMax: number; logging?: (sql: string) => void;
  /** Throw on a query that omits the transaction it runs inside (default: under NODE_ENV=test); otherwise warn through `onMisuse`. */
  strictTransactions?: boolean; onMisuse?: (message: string) => void;
}): Db {
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
  const misuse = (message: string) => {
    // HQ_TX_DEBUG=1 prints where it happened (tests log nothing, and the caller sees only a 500).
    if (process.env.HQ_TX_DEBUG) console.error(new Error(message).stack);
    if (opts.strictTransactions ?? process.env.NODE_ENV === 'test') throw new TransactionMisuseError(message);
    opts.onMisuse?.(message);
  };
  const scoped = <T>(fn: (t: Transaction) => Promise<T>): Promise<T> => {
    if (txScope.getStore()?.open) misuse('db.tx called inside another transaction: pass the outer transaction instead');
    const scope = { open: true };
    return txScope.run(scope, () => sequelize.transaction(async (t) => {
      const work: (() => Promise<void>)[] = [];
      beforeCommitWork.set(t, work);
      const result = await fn(t);
      for (let i = 0; i < work.length; i++) await work[i]();
      beforeCommitWork.delete(t);
      return result;
    })).finally(() => {
      scope.open = false;
    });
  };
  const tx = <T>(fn: (t: Transaction) => Promise<T>): Promise<T> => {
    if (dialect !== 'sqlite') return scoped(fn);
    const run = queue.then(() => scoped(fn));
    queue = run.catch(() => undefined);
    return run;
  };
  // `transaction: null` says "outside on purpose"; only an omitted one is a mistake. Checked
  // where every model call ends up, so the error's stack names the caller.
  const query = sequelize.query.bind(sequelize) as (...a: unknown[]) => Promise<unknown>;
  (sequelize as { query: unknown }).query = async (sql: unknown, options?: { transaction?: Transaction | null }) => {
    if (options?.transaction === undefined && txScope.getStore()?.open) {
      misuse('query without `transaction: t` inside db.tx (it takes a second connection while the first is held)');
    }
    return query(sql, options);
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
