import { describe, expect, it } from 'vitest';
import {
  VariableResolver,
  type VariableSources,
} from '../../schematics/migrate/sources/serverless/variables.js';
import { splitVariables } from '../../schematics/migrate/sources/serverless/variable-syntax.js';

const self = {
  service: 'orders',
  provider: {
    stage: "${opt:stage, 'dev'}",
    region: "${opt:region, 'eu-west-1'}",
  },
  custom: {
    tableName: '${self:service}-${sls:stage}',
    sizes: { dev: 128, prod: 1024 },
    loop: '${self:custom.loop}',
    nested: { a: '${self:service}' },
  },
};

const sources = (
  overrides: Partial<VariableSources> = {},
): VariableSources => ({
  self,
  stage: 'dev',
  options: {},
  params: { domain: 'dev.example.com' },
  readFile: (path) =>
    path === './config.dev.yml' ? { queue: { batch: 7 } } : undefined,
  ...overrides,
});

const resolve = (value: unknown, options?: Partial<VariableSources>) => {
  const resolver = new VariableResolver(sources(options));
  return {
    value: resolver.resolve(value, 'here'),
    findings: resolver.findings,
  };
};

describe('splitVariables', () => {
  it('keeps Fn::Sub placeholders as text', () => {
    expect(
      splitVariables('arn:${AWS::Partition}:s3:::${Bucket}/${sls:stage}'),
    ).toEqual([
      { literal: 'arn:${AWS::Partition}:s3:::${Bucket}/' },
      { variable: 'sls:stage', raw: '${sls:stage}' },
    ]);
  });
});

describe('VariableResolver', () => {
  it('resolves self, sls:stage and fallbacks, recursively', () => {
    expect(resolve('${self:custom.tableName}')).toEqual({
      value: 'orders-dev',
      findings: [],
    });
    expect(resolve("${opt:region, 'eu-west-1'}").value).toBe('eu-west-1');
    expect(resolve('${opt:stage}', { options: { stage: 'prod' } }).value).toBe(
      'prod',
    );
  });

  it('keeps the type of a value that is a whole variable', () => {
    expect(resolve('${self:custom.sizes.${sls:stage}}').value).toBe(128);
    expect(resolve('${self:custom.nested}').value).toEqual({ a: 'orders' });
    expect(
      resolve('${file(./config.${sls:stage}.yml):queue.batch}').value,
    ).toBe(7);
  });

  it('reads params of the stage', () => {
    expect(resolve('https://${param:domain}/v1').value).toBe(
      'https://dev.example.com/v1',
    );
  });

  it('turns env into a synth-time expression that keeps its fallback', () => {
    expect(resolve("${env:LOG_LEVEL, 'info'}").value).toEqual({
      kind: 'env',
      name: 'LOG_LEVEL',
      fallback: 'info',
    });
    expect(resolve('level-${env:LOG_LEVEL}').value).toEqual({
      kind: 'concat',
      parts: ['level-', { kind: 'env', name: 'LOG_LEVEL' }],
    });
    expect(resolve('${env:A, env:B, ${self:service}}').value).toEqual({
      kind: 'env',
      name: 'A',
      fallback: { kind: 'env', name: 'B', fallback: 'orders' },
    });
  });

  it('turns ssm and aws values into deploy-time expressions', () => {
    expect(resolve('${ssm:/orders/${sls:stage}/url}').value).toEqual({
      kind: 'ssm',
      path: '/orders/dev/url',
    });
    expect(
      resolve('arn:aws:sqs:${aws:region}:${aws:accountId}:q').value,
    ).toEqual({
      kind: 'concat',
      parts: [
        'arn:aws:sqs:',
        { kind: 'pseudo', name: 'AWS::Region' },
        ':',
        { kind: 'pseudo', name: 'AWS::AccountId' },
        ':q',
      ],
    });
  });

  it('uses the next fallback when a nested one cannot resolve', () => {
    expect(resolve("${self:custom.missing, ${cf:other.Out}, 'last'}")).toEqual({
      value: 'last',
      findings: [],
    });
  });

  it('makes a parameter and a finding of what it cannot resolve', () => {
    expect(
      resolve({
        A: '${cf:billing-${sls:stage}.QueueUrl}',
        B: '${self:custom.loop}',
      }),
    ).toEqual({
      value: {
        A: {
          kind: 'parameter',
          name: 'CfBillingSlsStageQueueUrl',
          reason: 'the cf: source is read only when Serverless deploys',
        },
        B: {
          kind: 'parameter',
          name: 'SelfCustomLoop',
          reason: 'it refers to itself',
        },
      },
      findings: [
        {
          subject: '${cf:billing-${sls:stage}.QueueUrl}',
          detail:
            'became the CloudFormation parameter CfBillingSlsStageQueueUrl: the cf: source is read only when Serverless deploys',
          where: 'here.A',
        },
        {
          subject: '${self:custom.loop}',
          detail:
            'became the CloudFormation parameter SelfCustomLoop: it refers to itself',
          where: 'here.B',
        },
      ],
    });
  });

  it('reports a missing self value without a fallback', () => {
    const { value, findings } = resolve('${self:custom.absent}');
    expect(value).toEqual({
      kind: 'parameter',
      name: 'SelfCustomAbsent',
      reason: 'self:custom.absent has no value',
    });
    expect(findings).toHaveLength(1);
  });

  it('refuses secure values in clear text', () => {
    expect(resolve('${ssm:/db/password~true}').findings[0]?.detail).toContain(
      'a secure SSM or Secrets Manager value',
    );
  });

  it('leaves text without variables alone, deep', () => {
    const value = { a: ['x', 1, true, null], b: { c: 'arn:${AWS::Region}' } };
    expect(resolve(value)).toEqual({ value, findings: [] });
  });
});

describe('VariableResolver, addresses through variables', () => {
  it('resolves a variable met on the way down an address', () => {
    const doc = { custom: { settings: '${file(./config.dev.yml):queue}' } };
    const resolver = new VariableResolver(sources({ self: doc }));
    expect(resolver.resolve('${self:custom.settings.batch}', 'here')).toBe(7);
    expect(resolver.findings).toEqual([]);
  });
});
