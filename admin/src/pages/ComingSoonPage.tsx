import { Result } from 'antd';

/** One placeholder for every menu entry whose area is not built yet. */
export function ComingSoonPage() {
  return <Result status="info" title="该功能将在后续版本提供" subTitle="敬请期待" />;
}
