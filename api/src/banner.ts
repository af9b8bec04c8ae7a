// What `npm start` prints once the server is up: where everything is and how to log in.
import { ROLE_LABELS } from '@hq/common';
import type { Config } from './config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './seed/demo';
import { DEMO_UNBOUND_CERT_NO } from './seed/property';

export function banner(config: Config): string {
  const u = config.publicUrl;
  const rows = DEMO_ACCOUNTS.map(
    (a) => `    ${a.username.padEnd(14)} ${a.roles.map((r) => ROLE_LABELS[r]).join('、')}${a.totp ? '（需动态码）' : ''}${a.mustChange ? '（首次登录须改密并绑定动态码）' : ''}`,
  ).join('\n');
  return `
横琴房地产信息系统 + 智慧物业平台 已启动（${config.DB_URL ? 'MySQL' : '内置 SQLite'}，数据目录 ${config.dataDir}）

  小程序 H5（公众/业主/经纪人/中介/物业）  ${u}/h5/
  管理端 admin（监管/企业/银行/管理员）     ${u}/admin/
  接口文档 OpenAPI                          ${u}/api/docs
  健康检查 / 指标                           ${u}/healthz  ${u}/metrics

  管理端演示账号（密码均为 ${DEMO_PASSWORD}）：
${rows}
  动态验证码：演示密钥 ${DEMO_TOTP_SECRET}（可加入任何身份验证器App），或运行 npm run totp 查看当前6位码

  小程序 H5：在“我的 → 登录”中选择演示微信用户（业主 张三、业主 李四、业委会 王五、经纪人、物业人员、巡查员、公众、中介管理员 叶晓彤）
  中介机构备案演示：以中介管理员 叶晓彤 登录，横琴新启房地产经纪有限公司尚未备案，可登记经纪人并在“机构信息”中办理备案
  房屋认证演示：以业主 张三 登录，在“我的房屋 → 认证房屋”中填写不动产权证号 ${DEMO_UNBOUND_CERT_NO}
  统一身份认证模拟器：${u}/sim/gdid/.well-known/openid-configuration
`;
}
