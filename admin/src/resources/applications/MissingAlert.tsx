import { Alert } from 'antd';

/** Everything that still stops submission, as the API lists it — all at once, not one per try. */
export function MissingAlert({ missing, saving }: { missing: string[]; saving: boolean }) {
  if (!missing.length) {
    return <Alert type="success" showIcon title="申请材料已齐全，满足提交条件" />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      role="region"
      aria-label="尚未满足的提交条件"
      title={`尚有 ${missing.length} 项不满足提交条件${saving ? '（正在保存，稍后更新）' : ''}`}
      description={
        <ol className="app-missing">
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ol>
      }
    />
  );
}
