// The application/review engine's transition table (申请/审核). Clients show exactly the buttons
// this table allows for the person and the application; the API enforces the same table in a
// locked transaction and refuses anything else with 409 WORKFLOW_TRANSITION.

export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_review', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  in_review: '审核中',
  returned: '退回补正',
  approved: '已通过',
  rejected: '不予通过',
  withdrawn: '已撤回',
};

export const FINAL_STATUSES: readonly ApplicationStatus[] = ['approved', 'rejected', 'withdrawn'];

export const WORKFLOW_ACTIONS = ['save', 'submit', 'approve', 'return', 'reject', 'resubmit', 'withdraw', 'correct'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const WORKFLOW_ACTION_LABELS: Record<WorkflowAction, string> = {
  save: '保存草稿',
  submit: '提交申请',
  approve: '审核通过',
  return: '退回补正',
  reject: '不予通过',
  resubmit: '补正后重新提交',
  withdraw: '撤回申请',
  correct: '审核人员修正',
};

/** Who may take an action: the applicant's side, or the reviewer of the application's current step. */
export type WorkflowActor = 'applicant' | 'reviewer';

export interface Transition {
  from: ApplicationStatus;
  action: WorkflowAction;
  /** `next` = the next review step (in_review), or approved after the last step. */
  to: ApplicationStatus | 'next';
  by: WorkflowActor;
  /** An opinion (意见) must be given. */
  opinion: boolean;
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', action: 'save', to: 'draft', by: 'applicant', opinion: false },
  { from: 'draft', action: 'submit', to: 'submitted', by: 'applicant', opinion: false },
  { from: 'draft', action: 'withdraw', to: 'withdrawn', by: 'applicant', opinion: false },
  { from: 'submitted', action: 'approve', to: 'next', by: 'reviewer', opinion: false },
  { from: 'submitted', action: 'return', to: 'returned', by: 'reviewer', opinion: true },
  { from: 'submitted', action: 'reject', to: 'rejected', by: 'reviewer', opinion: true },
  { from: 'submitted', action: 'withdraw', to: 'withdrawn', by: 'applicant', opinion: false },
  { from: 'in_review', action: 'approve', to: 'next', by: 'reviewer', opinion: false },
  { from: 'in_review', action: 'return', to: 'returned', by: 'reviewer', opinion: true },
  { from: 'in_review', action: 'reject', to: 'rejected', by: 'reviewer', opinion: true },
  { from: 'in_review', action: 'withdraw', to: 'withdrawn', by: 'applicant', opinion: false },
  { from: 'returned', action: 'save', to: 'returned', by: 'applicant', opinion: false },
  { from: 'returned', action: 'resubmit', to: 'submitted', by: 'applicant', opinion: false },
  { from: 'returned', action: 'withdraw', to: 'withdrawn', by: 'applicant', opinion: false },
  // A reviewer corrects the form in place (RE-066) where the business type allows it; the step
  // stays, the corrected form is a new version and the opinion says why.
  { from: 'submitted', action: 'correct', to: 'submitted', by: 'reviewer', opinion: true },
  { from: 'in_review', action: 'correct', to: 'in_review', by: 'reviewer', opinion: true },
];

export function findTransition(from: ApplicationStatus, action: WorkflowAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.action === action);
}

/** The actions a person on this side may take on an application in this status. */
export function allowedActions(status: ApplicationStatus, by: WorkflowActor): WorkflowAction[] {
  return TRANSITIONS.filter((t) => t.from === status && t.by === by).map((t) => t.action);
}

/** Where `next` lands: the following step, or approved after the last. 1-based steps. */
export function nextStep(step: number, steps: number): { status: ApplicationStatus; step: number } {
  return step >= steps ? { status: 'approved', step } : { status: 'in_review', step: step + 1 };
}

/** A review step as a business type declares it. */
export interface ReviewStepDef {
  key: string;
  label: string;
  roles: readonly string[];
  /** Working days the step may take (the calendar counts 调休 and holidays). */
  days: number;
}

export const DEFAULT_REVIEW_STEPS: readonly ReviewStepDef[] = [
  { key: 'first', label: '初审', roles: ['reviewer_1'], days: 5 },
  { key: 'second', label: '复审', roles: ['reviewer_2'], days: 3 },
  { key: 'final', label: '终审', roles: ['reviewer_3', 'leader'], days: 2 },
];

/** The status as people read it, e.g. "审核中（复审）". */
export function statusText(status: ApplicationStatus, step: number, steps: readonly ReviewStepDef[]): string {
  if (status === 'submitted' || status === 'in_review') return `${status === 'submitted' ? '已提交，待' : '审核中：'}${steps[step - 1]?.label ?? ''}`;
  return APPLICATION_STATUS_LABELS[status];
}
