import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  eq,
  pluginHarness,
  requestLog,
  schema,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let desk: AppCaller;

/** Whether the case a warning names was committed when it was logged. */
let committedWhenLogged: Promise<boolean>[] = [];
const { log, pluginLines, clear } = requestLog((line) => {
  if (line.level !== 'warn') return;
  // Read from another connection: only a committed case is visible there.
  const caseId = String(line.fields.caseId);
  committedWhenLogged.push(
    h.asTenant(district.tenantId, async (tx) => {
      const rows = await tx
        .select({ id: schema.legalCase.id })
        .from(schema.legalCase)
        .where(eq(schema.legalCase.id, caseId));
      return rows.length === 1;
    }),
  );
});

const phone = () =>
  `139${Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0')}`;

beforeAll(async () => {
  ({ district } = await h.district('x-counselling-hooks', { enable: ['x-counselling'] }));
  desk = await h.staff(district, 'desk', { log });
});
beforeEach(() => {
  clear();
  committedWhenLogged = [];
});
afterAll(() => h.close());

describe('counselling’s onCaseCreated, called when a counselling case is taken in', () => {
  it('flags a risk of harm, once the case is committed', async () => {
    const c = await desk.case.create({
      channel: 'walk-in',
      resident: { name: '林晓', phone: phone() },
      serviceType: 'x-counselling',
      category: 'individual',
      description: '近来情绪低落，提到不想活了',
      organisationId: district.organisations.centreId,
      form: { concern: 'other', riskOfHarm: true },
    });
    expect(pluginLines()).toEqual([
      {
        level: 'warn',
        message: 'counselling intake with risk of harm: crisis referral needed',
        fields: { caseId: c.id, plugin: 'x-counselling', tenantId: district.tenantId },
      },
    ]);
    expect(await Promise.all(committedWhenLogged)).toEqual([true]);
  });

  it('is handed the form as validated, defaults filled in', async () => {
    await desk.case.create({
      channel: 'walk-in',
      resident: { name: '周平', phone: phone() },
      serviceType: 'x-counselling',
      description: '与邻居纠纷后失眠',
      organisationId: district.organisations.centreId,
      // riskOfHarm left out: the schema's default (false) reaches the hook, which stays silent.
      form: { concern: 'dispute-stress', linkedToDispute: true },
    });
    expect(pluginLines()).toEqual([]);
  });
});
