import { CheckCircleOutlined, CloudUploadOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { formatShanghai } from '@hq/common';
import type { SaveState } from './useAutosave';

/** Where the autosave is: 已自动保存 with the time, saving, waiting to save, or what went wrong. */
export function SaveStatus({ state }: { state: SaveState }) {
  const time = state.savedAt ? formatShanghai(state.savedAt).slice(11) : null;
  switch (state.status) {
    case 'saving':
      return (
        <Typography.Text type="secondary" role="status">
          <LoadingOutlined /> 正在保存…
        </Typography.Text>
      );
    case 'pending':
      return (
        <Typography.Text type="secondary" role="status">
          <CloudUploadOutlined /> 有修改，稍后自动保存
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success" role="status">
          <CheckCircleOutlined /> 已自动保存 {time}
        </Typography.Text>
      );
    case 'error':
    case 'conflict':
      return (
        <Typography.Text type="danger" role="status">
          <ExclamationCircleOutlined /> {state.status === 'conflict' ? '未保存：申请已被修改' : '保存失败'}
        </Typography.Text>
      );
    default:
      return (
        <Typography.Text type="secondary" role="status">
          修改后自动保存
        </Typography.Text>
      );
  }
}

/** A save that the server refused because the application changed since this page loaded. */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="该申请已在其他页面或由他人修改，您最近的修改未能保存"
      description="为避免覆盖他人的修改，自动保存已暂停。请重新加载，查看最新内容后再继续填写；需要保留的内容请先复制。"
      action={
        <Space>
          <Button type="primary" danger onClick={onReload}>
            重新加载
          </Button>
        </Space>
      }
    />
  );
}
