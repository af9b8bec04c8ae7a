import type { Config } from '../config';
import type { Db } from './db';
import type { Logger } from './logger';
import type { Metrics } from './http/metrics';
import type { RateLimiter } from './http/middleware';
import type { WechatClient } from '../integrations/wechat/client';
import type { GdidClient } from '../integrations/gdid/client';
import type { ElicenceClient } from '../integrations/elicence/client';
import type { RegistryClient } from '../integrations/registry/client';
import type { FileStore } from './files/store';
import type { SmsClient } from '../integrations/sms/client';
import type { WechatSubscribeClient } from '../integrations/wechat/subscribe';

/** Everything a request handler may use, created once per process. */
export interface Deps {
  config: Config;
  db: Db;
  logger: Logger;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  wechat: WechatClient;
  gdid: GdidClient;
  /** Provincial e-licence / e-seal system (制证、注销、状态). */
  elicence: ElicenceClient;
  /** Real-estate registry (不动产登记): house verification and the communities' sync. */
  registry: RegistryClient;
  files: FileStore;
  /** SMS gateway (短信网关); messages go out through the notification outbox. */
  sms: SmsClient;
  /** WeChat subscribe messages (订阅消息); through the notification outbox too. */
  wechatSubscribe: WechatSubscribeClient;
}
