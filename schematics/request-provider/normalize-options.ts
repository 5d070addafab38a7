import {
  generatedName,
  projectLayout,
  type ProjectLayout,
  specFileSuffix,
} from '../utils/generate-options.js';
import type { NameForms } from '../utils/names.js';
import type { RequestProviderOptions } from './request-provider.schema.js';

export interface NormalizedRequestProviderOptions
  extends NameForms, ProjectLayout {
  /** `TenantId` */
  providerClassName: string;
  /** `x-tenant-id`: the HTTP header it reads. */
  header: string;
  /** `tenantId`: the message attribute (SQS, SNS) or detail field (EventBridge) it reads. */
  field: string;
  /** `tenant id`, for the provider's comment. */
  label: string;
  /** Where the files go: `/src/tenant`, or `/src` with --flat. */
  directory: string;
  spec: boolean;
  specFileSuffix: string;
  flat: boolean;
  skipImport: boolean;
  /** Replace the files of a provider of the same name instead of refusing. */
  force: boolean;
}

/** Validates and fills every option before any rule runs; pure. */
export function normalizeRequestProviderOptions(
  raw: RequestProviderOptions,
): NormalizedRequestProviderOptions {
  // `tenant-id` and `tenant` make the same provider: the `Id` is part of every spelling already.
  const forms = generatedName(raw.name?.replace(/[-_ ]?id$/i, ''), 'provider');
  const layout = projectLayout(raw, 'request-provider');
  const flat = raw.flat ?? false;
  return {
    ...forms,
    ...layout,
    providerClassName: `${forms.className}Id`,
    header: `x-${forms.name}-id`,
    field: `${forms.propertyName}Id`,
    label: `${forms.name.replaceAll('-', ' ')} id`,
    directory: flat ? layout.sourceRoot : `${layout.sourceRoot}/${forms.name}`,
    spec: raw.spec ?? true,
    specFileSuffix: specFileSuffix(raw.specFileSuffix),
    flat,
    skipImport: raw.skipImport ?? false,
    force: raw.force ?? false,
  };
}
