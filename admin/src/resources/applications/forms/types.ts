import type { FormInstance } from 'antd';

/** What every business type's form fields get from the application page. */
export interface FormFieldsProps {
  form: FormInstance;
  /** The applicant's draft or returned application; reviewers read the form only. */
  editable: boolean;
  /** A change the page made itself (not typed by the person), for the autosave. */
  onChanged: () => void;
}
