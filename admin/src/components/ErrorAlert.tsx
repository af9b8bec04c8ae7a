import { Alert } from 'antd';
import type { ApiError } from '../providers/transport';

/** The server's Chinese message, with any field-level problems listed under it. */
export function ErrorAlert({ error, onClose }: { error: ApiError | null; onClose?: () => void }) {
  if (!error) return null;
  const details = error.details.length ? (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {error.details.map((d) => (
        <li key={`${d.field}:${d.message}`}>{d.message}</li>
      ))}
    </ul>
  ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      description={details}
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 16 }}
    />
  );
}
