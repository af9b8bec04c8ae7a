import { Space, Tag, Typography } from 'antd';
import type { CreditBrief } from '@hq/common';
import { gradeColour } from './dictionary';

/** 信用等级 and score, as every list and page shows them. */
export function CreditGradeTag({ credit }: { credit: CreditBrief }) {
  return (
    <Space size={4} className="credit-grade">
      <Tag color={gradeColour(credit.grade)} style={{ marginInlineEnd: 0 }}>
        {credit.blacklisted ? credit.gradeLabel : `${credit.grade}${credit.gradeLabel ? ` ${credit.gradeLabel}` : ''}`}
      </Tag>
      <Typography.Text type="secondary">{credit.score}分</Typography.Text>
    </Space>
  );
}
