import {
  CONTENT_CHANNEL_LABELS, CONTENT_SECTION_LABELS, CONTENT_STATUS_LABELS, GUIDE_CATEGORY_LABELS,
  type ContentChannel, type ContentSection, type ContentStatus, type GuideCategory,
} from '@hq/common';

const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export const CHANNEL_OPTIONS = options<ContentChannel>(CONTENT_CHANNEL_LABELS);
export const SECTION_OPTIONS = options<ContentSection>(CONTENT_SECTION_LABELS);
export const STATUS_OPTIONS = options<ContentStatus>(CONTENT_STATUS_LABELS);
export const CATEGORY_OPTIONS = options<GuideCategory>(GUIDE_CATEGORY_LABELS);
export const STATUS_COLOURS: Record<ContentStatus, string> = { draft: 'default', scheduled: 'gold', published: 'green', withdrawn: 'red' };
