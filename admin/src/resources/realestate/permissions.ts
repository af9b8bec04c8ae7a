// Which buttons a person gets on the real-estate pages. These mirror the API's access lists
// (api/src/modules/realestate, survey, progress); the API refuses anyone else regardless.
import type { Role } from '@hq/common';
import { useAccess } from '../../providers/access';

/** 初审、复审、终审、分管领导: maintain projects, buildings and the building table. */
export const MAINTAIN_ROLES: Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'];
/** Survey imports: the developer's staff, and the regulators who maintain projects. */
export const SURVEY_ROLES: Role[] = ['developer_staff', ...MAINTAIN_ROLES];
/** 形象进度 is reported by the developer only. */
export const PROGRESS_REPORT_ROLES: Role[] = ['developer_staff'];

export function useRealEstatePermissions() {
  const { hasRole } = useAccess();
  return {
    canMaintain: hasRole(...MAINTAIN_ROLES),
    canImportSurvey: hasRole(...SURVEY_ROLES),
    canReportProgress: hasRole(...PROGRESS_REPORT_ROLES),
  };
}
