// The form of each business type; a type without one here shows a notice instead of a blank page.
import type { ComponentType } from 'react';
import { CompletedFilingFields } from './CompletedFilingFields';
import { PermitChangeFields } from './PermitChangeFields';
import { PresalePermitFields } from './PresalePermitFields';
import { ENTERPRISE_FORM_FIELDS, ENTERPRISE_INITIAL_FORMS } from '../../enterprises/forms';
import type { FormFieldsProps } from './types';

export const FORM_FIELDS: Partial<Record<string, ComponentType<FormFieldsProps>>> = {
  presale_permit: PresalePermitFields,
  completed_filing: CompletedFilingFields,
  presale_permit_change: PermitChangeFields,
  // 企业注册、变更、资质、备案 (the enterprises area keeps its forms with its pages).
  ...ENTERPRISE_FORM_FIELDS,
};

export type { FormFieldsProps } from './types';
export { READ_ONLY_FORMS, type ReadOnlyFormProps } from './ReadOnlyForms';

/**
 * What a new draft starts with: empty lists rather than nothing, so the API's list of what is
 * missing reads "请至少选择一栋楼" instead of a type error about a field that is not there.
 */
export const INITIAL_FORMS: Partial<Record<string, Record<string, unknown>>> = {
  presale_permit: { buildingIds: [], roomIds: [], floorHeightCounts: [] },
  completed_filing: { buildingIds: [], roomIds: [] },
  presale_permit_change: { addRoomIds: [], removeRoomIds: [] },
  ...ENTERPRISE_INITIAL_FORMS,
};
