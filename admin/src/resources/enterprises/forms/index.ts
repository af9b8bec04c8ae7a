// The enterprise business types' forms, registered with the application page (申请与审核) so that
// registration, filing, change and qualification applications are filled, reviewed and corrected
// there like every other business type.
import type { ComponentType } from 'react';
import type { FormFieldsProps } from '../../applications/forms/types';
import { DeveloperQualificationChangeFields, DeveloperQualificationFields } from './QualificationFields';
import { AgencyChangeFields, AgencyFilingFields, DeveloperChangeFields, DeveloperRegistrationFields, PropertyFilingFields } from './RegistrationFields';

export const ENTERPRISE_FORM_FIELDS: Record<string, ComponentType<FormFieldsProps>> = {
  developer_registration: DeveloperRegistrationFields,
  developer_change: DeveloperChangeFields,
  developer_qualification: DeveloperQualificationFields,
  developer_qualification_change: DeveloperQualificationChangeFields,
  agency_filing: AgencyFilingFields,
  agency_change: AgencyChangeFields,
  property_filing: PropertyFilingFields,
};

/** Drafts made from 新建申请 start with empty lists, so "missing" reads as a list to fill, not a type error. */
export const ENTERPRISE_INITIAL_FORMS: Record<string, Record<string, unknown>> = {
  developer_registration: { personnel: [], achievements: [] },
  developer_change: { changes: {} },
  developer_qualification: { technicalLeads: [] },
  developer_qualification_change: { technicalLeads: [] },
  agency_filing: { brokerIds: [] },
  agency_change: { changes: {} },
  property_filing: { managedProjects: [] },
};
