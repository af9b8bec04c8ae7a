import type { Config } from '../config';
import type { Db } from './db';
import type { Logger } from './logger';
import type { Metrics } from './http/metrics';
import type { RateLimiter } from './http/middleware';
import type { WechatClient } from '../integrations/wechat/client';
import type { GdidClient } from '../integrations/gdid/client';
import type { FileStore } from './files/store';

/** Everything a request handler may use, created once per process. */
export interface Deps {
  config: Config;
  db: Db;
  logger: Logger;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  wechat: WechatClient;
  gdid: GdidClient;
  files: FileStore;
}
