import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addressSchema, formatAddress, parseAddress } from './address.ts';
import {
  EVENT_AUTHORS,
  nextReferralStatus,
  REFERRAL_EVENT_TYPES,
  REFERRAL_STATUSES,
  type ReferralStatus,
  referralCreateSchema,
  referralEventSchema,
  referralReceiptSchema,
  referralViewSchema,
  TERMINAL_STATUSES,
} from './referral-messages.ts';

const sha256 = 'a3f1c0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1';
const create = {
  id: 'r-2025-0001',
  from: 'caojiadu-station@shanghai-jingan',
  to: 'jingan-court@shanghai-jingan-court',
  kind: 'judicial-confirmation',
  subject: { displayName: '陈建国', phone: '13800138000', groups: ['elderly'] },
  summary: '邻里漏水纠纷已达成调解协议，双方申请司法确认',
  attachments: [
    {
      name: '调解协议书.pdf',
      mediaType: 'application/pdf',
      sha256,
      url: `https://linju.jingan.example/federation/v1/referrals/r-2025-0001/attachments/${sha256}`,
    },
  ],
  requestedBy: { name: '王调解', role: '人民调解员' },
  dueBy: '2025-02-14',
  createdAt: '2025-01-15T09:30:00+08:00',
};

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : (result.error?.issues.map((issue) => issue.path.join('.')) ?? []);

describe('addresses', () => {
  it('are orgId@nodeId with URL-safe parts', () => {
    expect(parseAddress('jingan-court@shanghai-jingan')).toEqual({
      orgId: 'jingan-court',
      nodeId: 'shanghai-jingan',
    });
    expect(formatAddress({ orgId: 'a', nodeId: 'b' })).toBe('a@b');
    for (const text of ['jingan-court', 'a@b@c', '@node', 'org@', '法院@node'])
      expect(parseAddress(text)).toBeNull();
  });

  it('are checked by the schema exactly as parsed, with a pattern the OpenAPI document can state', () => {
    const texts = ['jingan-court@shanghai-jingan', 'jingan-court', 'a@b@c', '@node', 'org@', '法院@node'];
    for (const text of [...texts, `${'a'.repeat(100)}@b`, `${'a'.repeat(101)}@b`])
      expect(addressSchema.safeParse(text).success, text).toBe(parseAddress(text) !== null);
    expect(z.toJSONSchema(addressSchema)).toHaveProperty('pattern');
  });
});

describe('referralCreateSchema', () => {
  it('accepts the create message of the spec', () => {
    expect(referralCreateSchema.parse(create)).toEqual(create);
  });

  it('accepts X kinds and refuses anything else', () => {
    expect(referralCreateSchema.safeParse({ ...create, kind: 'x-labour-clinic' }).success).toBe(true);
    expect(issuesOf(referralCreateSchema.safeParse({ ...create, kind: 'appeal' }))).toEqual(['kind']);
  });

  it('lets no personal data beyond the subject fields cross', () => {
    const result = referralCreateSchema.safeParse({
      ...create,
      subject: { ...create.subject, address: '某路1号' },
    });
    expect(issuesOf(result)).toEqual(['subject']);
  });

  it('names each bad field', () => {
    const result = referralCreateSchema.safeParse({
      ...create,
      id: 'r 1',
      to: 'jingan-court',
      attachments: [{ ...create.attachments[0], url: '/federation/v1/referrals/r-2025-0001/attachments/00' }],
      dueBy: '2025/02/14',
      createdAt: '2025-01-15 09:30',
    });
    expect(issuesOf(result)).toEqual(['id', 'to', 'attachments.0.url', 'dueBy', 'createdAt']);
  });
});

describe('referralEventSchema', () => {
  const by = { name: '李法官', role: '立案庭法官' };

  it('requires a reason to reject, fail or cancel, and an outcome to complete', () => {
    for (const type of ['rejected', 'failed', 'cancelled']) {
      expect(issuesOf(referralEventSchema.safeParse({ type, at: '2025-01-16T10:00:00Z', by }))).toEqual([
        'reason',
      ]);
    }
    expect(
      issuesOf(referralEventSchema.safeParse({ type: 'completed', at: '2025-01-20T10:00:00Z', by })),
    ).toEqual(['outcome']);
    expect(
      referralEventSchema.parse({
        type: 'completed',
        at: '2025-01-20T10:00:00Z',
        by,
        outcome: { code: 'confirmed', text: '裁定调解协议有效' },
      }).outcome?.code,
    ).toBe('confirmed');
  });

  it('requires a note to say something: its text is its reason', () => {
    for (const reason of [undefined, '   ']) {
      const note = {
        type: 'note',
        at: '2025-01-16T10:00:00Z',
        by,
        ...(reason === undefined ? {} : { reason }),
      };
      expect(issuesOf(referralEventSchema.safeParse(note))).toEqual(['reason']);
    }
  });

  it('refuses unknown event types', () => {
    expect(
      issuesOf(referralEventSchema.safeParse({ type: 'received', at: '2025-01-16T10:00:00Z', by })),
    ).toEqual(['type']);
  });
});

describe('receipt and view', () => {
  it('parse the answers of the spec', () => {
    expect(referralReceiptSchema.parse({ receipt: 'court-7781', status: 'received' }).receipt).toBe(
      'court-7781',
    );
    expect(referralViewSchema.parse({ id: 'r-2025-0001', status: 'received', events: [] }).status).toBe(
      'received',
    );
  });
});

describe('nextReferralStatus', () => {
  it('allows exactly the transitions of the spec', () => {
    const allowed: string[] = [];
    for (const status of REFERRAL_STATUSES) {
      for (const type of REFERRAL_EVENT_TYPES) {
        const next = nextReferralStatus(status, type);
        if (next !== null && type !== 'note') allowed.push(`${status} -${type}-> ${next}`);
      }
    }
    expect(allowed).toEqual([
      'requested -cancelled-> cancelled',
      'received -accepted-> accepted',
      'received -rejected-> rejected',
      'received -cancelled-> cancelled',
      'accepted -in-progress-> in-progress',
      'accepted -failed-> failed',
      'accepted -cancelled-> cancelled',
      'in-progress -completed-> completed',
      'in-progress -failed-> failed',
      'in-progress -cancelled-> cancelled',
    ]);
  });

  it('keeps the status on a note, and ends the referral in a terminal status', () => {
    for (const status of REFERRAL_STATUSES) expect(nextReferralStatus(status, 'note')).toBe(status);
    const terminal = REFERRAL_STATUSES.filter((status) =>
      REFERRAL_EVENT_TYPES.every((type) => type === 'note' || nextReferralStatus(status, type) === null),
    );
    expect(new Set<ReferralStatus>(terminal)).toEqual(TERMINAL_STATUSES);
  });

  it('lets only the sender cancel and only the receiver report progress', () => {
    expect(EVENT_AUTHORS.cancelled).toEqual(['sender']);
    expect(EVENT_AUTHORS.completed).toEqual(['receiver']);
    expect(EVENT_AUTHORS.note).toEqual(['sender', 'receiver']);
  });
});
