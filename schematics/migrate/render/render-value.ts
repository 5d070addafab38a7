// Renders plan values into TypeScript expressions of a CDK construct: literals as strings,
// `${env:X}` as `process.env.X` read at synth time, template parameters and unresolvable values
// as stack parameters, references to template resources as attributes of the recreated resource.
import type { ImportSet } from './code.js';
import { identifier, quote } from './code.js';
import type { Expr, ResourceKind, Value } from '../plan/plan.js';

export interface ValueContext {
  imports: ImportSet;
  /** Kind of each resource the stack recreates, by logical id. */
  resources: Map<string, ResourceKind>;
  /** Module specifier of the resources module, from the file being rendered. */
  resourcesModule: string;
  /** Module specifier of `infra/legacy/shared.ts`, from the file being rendered. */
  sharedModule: string;
}

/** `Ref` and `Fn::GetAtt` of each kind, as the L2 construct's properties. */
const ATTRIBUTES: Record<ResourceKind, Record<string, string>> = {
  queue: {
    Ref: 'queueUrl',
    Arn: 'queueArn',
    QueueName: 'queueName',
    QueueUrl: 'queueUrl',
  },
  topic: { Ref: 'topicArn', TopicArn: 'topicArn', TopicName: 'topicName' },
  bucket: {
    Ref: 'bucketName',
    Arn: 'bucketArn',
    DomainName: 'bucketDomainName',
    RegionalDomainName: 'bucketRegionalDomainName',
    WebsiteURL: 'bucketWebsiteUrl',
  },
  table: { Ref: 'tableName', Arn: 'tableArn', StreamArn: 'tableStreamArn' },
  stream: { Ref: 'streamName', Arn: 'streamArn' },
};

const PSEUDO: Record<string, string> = {
  'AWS::AccountId': 'account',
  'AWS::Region': 'region',
  'AWS::Partition': 'partition',
  'AWS::StackName': 'stackName',
  'AWS::URLSuffix': 'urlSuffix',
};

/** The expression building the recreated resource, `ordersQueue(this)`. */
export function resourceCall(logicalId: string, context: ValueContext): string {
  return `${context.imports.use(context.resourcesModule, identifier(logicalId))}(this)`;
}

export function renderValue(value: Value, context: ValueContext): string {
  if (typeof value === 'string') return quote(value);
  return renderExpr(value, context);
}

function renderExpr(expr: Expr, context: ValueContext): string {
  const { imports } = context;
  switch (expr.kind) {
    case 'env': {
      const read = /^[A-Za-z_$][\w$]*$/.test(expr.name)
        ? `process.env.${expr.name}`
        : `process.env[${quote(expr.name)}]`;
      return `${read} ?? ${expr.fallback === undefined ? "''" : renderValue(expr.fallback, context)}`;
    }
    case 'parameter': {
      const options = [
        ...(expr.fallback === undefined
          ? []
          : [`default: ${quote(expr.fallback)}`]),
        `description: ${quote(expr.reason)}`,
      ];
      return `${imports.use(context.sharedModule, 'parameter')}(this, ${quote(expr.name)}, { ${options.join(', ')} })`;
    }
    case 'ssm':
      return `${imports.use('aws-cdk-lib/aws-ssm', 'StringParameter')}.valueForStringParameter(this, ${quote(expr.path)})`;
    case 'pseudo':
      return `${imports.use('aws-cdk-lib', 'Stack')}.of(this).${PSEUDO[expr.name] ?? 'region'}`;
    case 'import':
      return `${imports.use('aws-cdk-lib', 'Fn')}.importValue(${renderValue(expr.exportName, context)})`;
    case 'resource': {
      const kind = context.resources.get(expr.logicalId);
      const call = resourceCall(expr.logicalId, context);
      const property = kind && ATTRIBUTES[kind][expr.attribute ?? 'Ref'];
      if (property === 'tableStreamArn')
        return `(${call}.tableStreamArn ?? '')`;
      if (property) return `${call}.${property}`;
      const cfn = imports.use('aws-cdk-lib', 'CfnResource');
      const child = `(${call}.node.defaultChild as ${cfn})`;
      return expr.attribute
        ? `${child}.getAtt(${quote(expr.attribute)}).toString()`
        : `${child}.ref`;
    }
    case 'concat':
      return `\`${expr.parts.map((part) => (typeof part === 'string' ? escapeTemplate(part) : `\${${renderExpr(part, context)}}`)).join('')}\``;
  }
}

function escapeTemplate(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${');
}
