import { Alert } from 'antd';
import type { AuditVerifyResult } from '@hq/common';

export function VerifyResultAlert({ result, onClose }: { result: AuditVerifyResult; onClose: () => void }) {
  const closable = { onClose };
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        closable={closable}
        title={`审计链完整，共校验 ${result.checked} 条`}
        description={`最新记录序号 ${result.headSeq}，哈希链未发现篡改或删除。`}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={closable}
      title={`审计链异常：共校验 ${result.checked} 条，发现 ${result.problems.length} 处问题`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {result.problems.map((p) => (
            <li key={`${p.seq}:${p.kind}`}>
              第 {p.seq} 条：{p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
