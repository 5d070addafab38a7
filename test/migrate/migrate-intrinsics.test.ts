import { describe, expect, it } from 'vitest';
import { IntrinsicReader } from '../../schematics/migrate/plan/intrinsics.js';

const reader = () =>
  new IntrinsicReader({
    resources: new Set(['OrdersQueue', 'PhotosBucket', 'OrdersTable']),
    parameters: { Stage: { default: 'dev' }, ApiKey: {} },
  });

describe('IntrinsicReader', () => {
  it('reads Ref to resources, parameters and pseudo parameters', () => {
    const r = reader();
    expect(r.read({ Ref: 'OrdersQueue' }, 'x')).toEqual({
      kind: 'resource',
      logicalId: 'OrdersQueue',
    });
    expect(r.read({ Ref: 'Stage' }, 'x')).toEqual({
      kind: 'parameter',
      name: 'Stage',
      fallback: 'dev',
      reason: 'a parameter of the template',
    });
    expect(r.read({ Ref: 'ApiKey' }, 'x')).toEqual({
      kind: 'parameter',
      name: 'ApiKey',
      reason: 'a parameter of the template',
    });
    expect(r.read({ Ref: 'AWS::Region' }, 'x')).toEqual({
      kind: 'pseudo',
      name: 'AWS::Region',
    });
    expect(r.read({ Ref: 'AWS::NoValue' }, 'x')).toBeUndefined();
    expect(r.findings).toEqual([]);
  });

  it('reads GetAtt, Join and ImportValue', () => {
    const r = reader();
    expect(r.read({ 'Fn::GetAtt': ['OrdersTable', 'StreamArn'] }, 'x')).toEqual(
      {
        kind: 'resource',
        logicalId: 'OrdersTable',
        attribute: 'StreamArn',
      },
    );
    expect(
      r.read(
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::b']] },
        'x',
      ),
    ).toEqual({
      kind: 'concat',
      parts: ['arn:', { kind: 'pseudo', name: 'AWS::Partition' }, ':s3:::b'],
    });
    expect(r.read({ 'Fn::ImportValue': 'shared-vpc' }, 'x')).toEqual({
      kind: 'import',
      exportName: 'shared-vpc',
    });
  });

  it('reads Sub with resources, attributes, locals, pseudo parameters and escapes', () => {
    const r = reader();
    expect(
      r.read(
        {
          'Fn::Sub': [
            '${PhotosBucket.Arn}/${Prefix}/*:${AWS::Region}:${!Literal}:${Stage}',
            { Prefix: { Ref: 'OrdersQueue' } },
          ],
        },
        'x',
      ),
    ).toEqual({
      kind: 'concat',
      parts: [
        { kind: 'resource', logicalId: 'PhotosBucket', attribute: 'Arn' },
        '/',
        { kind: 'resource', logicalId: 'OrdersQueue' },
        '/*:',
        { kind: 'pseudo', name: 'AWS::Region' },
        ':${Literal}:',
        {
          kind: 'parameter',
          name: 'Stage',
          fallback: 'dev',
          reason: 'a parameter of the template',
        },
      ],
    });
    expect(r.read({ 'Fn::Sub': 'plain' }, 'x')).toBe('plain');
  });

  it('makes parameters and findings of what depends on deploy-time state or is unknown', () => {
    const r = reader();
    expect(r.read({ 'Fn::If': ['IsProd', 'a', 'b'] }, 'Env.MODE')).toEqual({
      kind: 'parameter',
      name: 'MODEFnIf',
      reason: 'Fn::If depends on deploy-time state',
    });
    expect(r.read({ Ref: 'Elsewhere' }, 'Env.X')).toMatchObject({
      kind: 'parameter',
      name: 'RefElsewhere',
    });
    expect(r.findings.map((f) => f.where)).toEqual(['Env.MODE', 'Env.X']);
  });

  it('gives every distinct deploy-time expression its own parameter, and one to the same expression twice', () => {
    const r = reader();
    const name = (node: object, where: string) =>
      (r.read(node, where) as { name: string }).name;
    const prod = { 'Fn::If': ['IsProd', 'a', 'b'] };
    const eu = { 'Fn::If': ['IsEu', 'a', 'b'] };
    expect([
      name(prod, 'A.Environment.MODE'),
      name(eu, 'B.Environment.MODE'),
      name(prod, 'C.Environment.MODE'),
      name({ 'Fn::If': ['IsEu', 'x', 'y'] }, 'D.Environment.TABLE'),
      name({ 'Fn::Select': [0, ['a']] }, 'E.Environment.TABLE'),
    ]).toEqual([
      'MODEFnIf',
      'MODEFnIf2',
      'MODEFnIf',
      'TABLEFnIf',
      'TABLEFnSelect',
    ]);
  });
});
