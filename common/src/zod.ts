// WeChat forbids `new Function`/`eval`; zod 4 compiles parsers with them unless jitless.
// Every module in the product imports zod from here so the setting is applied first. This is
// the one module of @hq/common with side effects (package.json says so, so bundlers keep it).
import { z } from 'zod';

z.config({ jitless: true });
z.config(z.locales.zhCN());

export { z };
