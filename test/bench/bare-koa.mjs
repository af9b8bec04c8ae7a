// The baseline: a bare Koa handler answering small JSON, nothing else.
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  ctx.body = { status: 'ok', uptime: 1 };
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
