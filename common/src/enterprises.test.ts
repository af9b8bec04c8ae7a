import { qualificationShortfalls, enterpriseStatusLabel } from './enterprises';
import { brokerRegisterInput, developerRegistrationForm, usccField } from './contracts/enterprises';
import { creditObjectionInput, ratingInput } from './contracts/credit';
import { scrubPublicText } from './masking';

const firstGrade = {
  grade: 'first' as const, yearsInBusiness: 5, completedAreaLast3Years: 320000_00, constructionAreaLastYear: 160000_00,
  staff: { professional: 45, midLevel: 22, accountants: 5 }, qualityAllPassed: true,
};

describe('qualification conditions', () => {
  test('a first-grade application that meets every condition has no shortfall', () => {
    expect(qualificationShortfalls(firstGrade)).toEqual([]);
  });
  test('each unmet condition is listed with what was declared', () => {
    expect(qualificationShortfalls({ ...firstGrade, yearsInBusiness: 2, staff: { professional: 30, midLevel: 10, accountants: 3 }, qualityAllPassed: false })).toEqual([
      '一级资质须从事房地产开发经营3年以上（申报2年）',
      '一级资质须有职称的专业管理人员不少于40人（申报30人）',
      '一级资质须中级以上职称的管理人员不少于20人（申报10人）',
      '一级资质须专职会计人员不少于4人（申报3人）',
      '一级资质须连续3年建筑工程质量合格率达100%',
    ]);
    expect(qualificationShortfalls({ ...firstGrade, grade: 'second', staff: { professional: 4, midLevel: 0, accountants: 1 } })).toEqual([
      '二级资质须有职称的专业管理人员不少于5人（申报4人）', '二级资质须专职会计人员不少于2人（申报1人）',
    ]);
  });
  test('status labels per kind', () => {
    expect(enterpriseStatusLabel('developer', 'active')).toBe('已注册');
    expect(enterpriseStatusLabel('agency', 'active')).toBe('已备案');
    expect(enterpriseStatusLabel('agency', 'cancelled')).toBe('已注销');
  });
});

describe('identity numbers in enterprise forms are refused with the reason', () => {
  const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
  test('统一社会信用代码', () => {
    expect(usccField.safeParse('91440400MA4UTEST0X').success).toBe(false);
    expect(issues(usccField.safeParse('914404001234567'))).toEqual([': 统一社会信用代码应为18位，请核对后重新输入']);
    expect(issues(usccField.safeParse('91440400I23456789X'))).toEqual([': 统一社会信用代码含有无效字符“I”（不使用 I、O、Z、S、V）']);
    const r = developerRegistrationForm.safeParse({ uscc: '914404000000000000' });
    expect(issues(r)).toContain('uscc: 统一社会信用代码校验位不正确，请核对是否输错');
  });
  test('broker ID documents and phones', () => {
    const base = { name: '郭家豪', idType: 'resident_id', phone: '13812345678' };
    expect(issues(brokerRegisterInput.safeParse({ ...base, idNumber: '440402199001011230' }))).toEqual(['idNumber: 身份证号码校验位不正确，请核对是否输错']);
    expect(issues(brokerRegisterInput.safeParse({ ...base, idNumber: '440402199013011234' }))).toEqual(['idNumber: 身份证号码中的出生日期无效，请核对第7至14位']);
    expect(issues(brokerRegisterInput.safeParse({ ...base, idType: 'hkid', idNumber: 'A1234567' }))).toEqual(['idNumber: 香港身份证号码校验位不正确，请核对是否输错']);
    expect(issues(brokerRegisterInput.safeParse({ ...base, idNumber: '11010519491231002X', phone: '12345' }))).toEqual(['phone: 手机号码应为11位，以13至19开头（经纪人手机号）']);
    expect(brokerRegisterInput.safeParse({ ...base, idNumber: '11010519491231002X' }).success).toBe(true);
  });
});

describe('credit inputs', () => {
  test('an objection needs evidence', () => {
    const r = creditObjectionInput.safeParse({ reason: '该通报所述项目并非本公司开发，请核实', evidenceFileIds: [] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe('证据材料（异议依据）至少需要1个文件，请上传后再提交');
  });
  test('a rating needs three 1–5 scores and a reason', () => {
    const r = ratingInput.safeParse({ subjectKind: 'broker', subjectId: 1, professionalism: 6, attitude: 0, process: 3, reason: '好' });
    expect(r.error!.issues.map((i) => i.message)).toEqual(['专业水平最多5星', '服务态度至少1星', '评价理由至少5个字']);
  });
  test('free text on public pages has ID and phone numbers masked', () => {
    expect(scrubPublicText('联系13812345678或身份证11010519491231002X')).toBe('联系138****5678或身份证110***********002X');
  });
});
