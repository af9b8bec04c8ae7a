// Which application an enterprise may start now and the draft it starts with: the rule lives in
// common (the mini-program's 机构信息与备案 uses it too); the names here are the admin's own.
export {
  ENTERPRISE_APPLICATION_TYPES, heldQualification, initialEnterpriseForm as initialForm, isEnterpriseApplication, isOpenApplication as isOpen, startOptions,
  type EnterpriseApplicationType, type StartOption,
} from '@hq/common';
