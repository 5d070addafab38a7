import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../schematics/migrate/sources/sam/cfn-yaml.js';

describe('loadTemplate', () => {
  it('turns every short form into its long form, nested too', () => {
    const text = [
      'A: !Ref Queue',
      'B: !GetAtt Table.StreamArn',
      'C: !GetAtt [Bucket, Arn]',
      "D: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'",
      'E: !Sub',
      '  - ${Name}-x',
      '  - { Name: !Ref Stage }',
      "F: !Join [':', [a, !Ref B]]",
      'G: !If [IsProd, !Select [0, !Split [",", !ImportValue shared-list]], !Ref AWS::NoValue]',
      'H: !GetAtt Thing.Nested.Attribute',
      'I: !Base64 hello',
      'J: !FindInMap [M, !Ref AWS::Region, x]',
    ].join('\n');
    expect(loadTemplate('t.yaml', text)).toEqual({
      A: { Ref: 'Queue' },
      B: { 'Fn::GetAtt': ['Table', 'StreamArn'] },
      C: { 'Fn::GetAtt': ['Bucket', 'Arn'] },
      D: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' },
      E: { 'Fn::Sub': ['${Name}-x', { Name: { Ref: 'Stage' } }] },
      F: { 'Fn::Join': [':', ['a', { Ref: 'B' }]] },
      G: {
        'Fn::If': [
          'IsProd',
          {
            'Fn::Select': [
              0,
              { 'Fn::Split': [',', { 'Fn::ImportValue': 'shared-list' }] },
            ],
          },
          { Ref: 'AWS::NoValue' },
        ],
      },
      H: { 'Fn::GetAtt': ['Thing', 'Nested.Attribute'] },
      I: { 'Fn::Base64': 'hello' },
      J: { 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'x'] },
    });
  });

  it('reads JSON templates', () => {
    expect(
      loadTemplate(
        't.json',
        '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}',
      ),
    ).toEqual({
      Resources: { Q: { Type: 'AWS::SQS::Queue' } },
    });
  });

  it('keeps anchors and merge keys working', () => {
    const text = 'base: &base { a: 1 }\nother:\n  <<: *base\n  b: 2\n';
    expect(loadTemplate('s.yml', text)).toEqual({
      base: { a: 1 },
      other: { a: 1, b: 2 },
    });
  });

  it('names the file and line of a syntax error', () => {
    expect(() =>
      loadTemplate(
        '/x/serverless.yml',
        'service: a\nprovider:\n  name: [aws\n',
      ),
    ).toThrow(
      /^\/x\/serverless\.yml:\d+ does not parse \(.+\); fix the YAML and retry$/,
    );
  });

  it('refuses a document that is not a mapping', () => {
    expect(() => loadTemplate('t.yaml', '- a\n- b\n')).toThrow(
      't.yaml is not a template (its top level is not a mapping)',
    );
  });
});
