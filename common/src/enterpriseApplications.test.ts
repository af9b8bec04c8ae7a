import { initialEnterpriseForm, isOpenApplication, startOptions } from './enterpriseApplications';
import type { EnterpriseDetail } from './contracts/enterprises';

const agency = (status: EnterpriseDetail['status']): EnterpriseDetail => ({
  id: 7, kind: 'agency', kindLabel: '中介机构', name: '横琴新启房地产经纪有限公司', uscc: '91440400MA4UX2QJ0K', legalRep: '叶晓彤', address: '横琴环岛东路1号',
  status, statusLabel: '', source: 'registry', registeredAt: null, credit: { score: 80, grade: 'AA', gradeLabel: 'AA级', blacklisted: false },
  facts: {
    registeredCapitalFen: 5_000_000_00, establishedOn: '2026-03-01', businessScope: '房地产经纪', serviceScope: null, storeAddress: null,
    contactName: '叶晓彤', contactPhone: null, personnel: [], achievements: [], managedProjects: [],
  },
  cancelledAt: null, cancelReason: null, qualification: null, filing: null, certificates: [], history: [], profileUrl: null, qrUrl: null, version: 1,
});

describe('which application an enterprise may start', () => {
  test('an agency not yet filed files first, with the registry facts prefilled and no brokers chosen', () => {
    expect(startOptions(agency('pending')).map((o) => o.type)).toEqual(['agency_filing']);
    expect(initialEnterpriseForm('agency_filing', agency('pending'))).toMatchObject({
      name: '横琴新启房地产经纪有限公司', uscc: '91440400MA4UX2QJ0K', legalRep: '叶晓彤', registeredCapitalFen: 5_000_000_00, contact: { name: '叶晓彤' }, brokerIds: [],
    });
  });
  test('a filed agency changes its filing; a cancelled one starts nothing', () => {
    expect(startOptions(agency('active')).map((o) => [o.type, o.label])).toEqual([['agency_change', '办理备案变更']]);
    expect(initialEnterpriseForm('agency_change', agency('active'))).toEqual({ changes: {} });
    expect(startOptions(agency('cancelled'))).toEqual([]);
  });
  test('drafts, applications under review and returned ones are open; decided ones are not', () => {
    expect(['draft', 'submitted', 'in_review', 'returned', 'approved', 'rejected', 'withdrawn'].filter((status) => isOpenApplication({ status }))).toEqual(['draft', 'submitted', 'in_review', 'returned']);
  });
});
