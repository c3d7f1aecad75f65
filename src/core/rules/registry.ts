import { lambdaHandlerMissing, lambdaPackageSize } from './code';
import { lambdaEdgeRestrictions } from './edge';
import {
  apiGatewayTimeout,
  eventBridgeInputSize,
  sqsBatchWindow,
  sqsFifoBatchSize,
  sqsVisibilityTimeout,
  streamStartingPosition,
} from './integrations';
import {
  lambdaEnvReservedName,
  lambdaEnvSize,
  lambdaFunctionName,
  lambdaLayersCount,
  lambdaReservedConcurrency,
  provisionedConcurrencyWithoutAlias,
  snapstartIncompatible,
} from './lambda-config';
import { lambdaEphemeralStorageRange, lambdaMemoryRange, lambdaTimeoutRange } from './lambda-limits';
import {
  circularDependency,
  conditionUndefined,
  dependsOnUndefined,
  findInMapUndefined,
  getattAttributeInvalid,
  getattUndefined,
  parameterUnused,
  refUndefined,
  subVariableUndefined,
} from './reference-checks';
import { resourceAttributeInvalid } from './resource-attributes';
import { resourceTypeUnknown } from './resource-type';
import { samTransformMissing } from './sam-transform';
import { scheduleExpressionInvalid } from './schedule-expression';
import { serviceRetired } from './service-retired';
import { subNeeded } from './sub-needed';
import {
  schemaDependencies,
  schemaEnum,
  schemaPattern,
  schemaRange,
  schemaRequiredProperty,
  schemaType,
  schemaUnknownProperty,
} from './schema';
import { PERMISSION_RULES } from './permissions';
import { runtimeCreateBlocked, runtimeDeprecated, runtimeUnknown, runtimeUpdateBlocked } from './runtimes';
import { samValidation } from './sam-validation';
import { apiNoAuth, envPlaintextSecret, functionUrlPublic, s3PublicAccess } from './security';
import {
  duplicateKey,
  jsonSyntax,
  logicalIdInvalid,
  notText,
  templateMappingCount,
  templateOutputCount,
  templateParameterCount,
  templateResourceCount,
  templateSize,
  templateStructure,
  templateTooLarge,
  yamlSyntax,
} from './structure';
import type { Rule } from './types';

/** Every rule, in the order docs/rules.md presents them. */
export const ALL_RULES: readonly Rule[] = [
  yamlSyntax,
  jsonSyntax,
  duplicateKey,
  templateStructure,
  templateTooLarge,
  notText,
  logicalIdInvalid,
  templateResourceCount,
  templateParameterCount,
  templateOutputCount,
  templateMappingCount,
  templateSize,
  resourceTypeUnknown,
  resourceAttributeInvalid,
  samTransformMissing,
  refUndefined,
  getattUndefined,
  getattAttributeInvalid,
  subVariableUndefined,
  dependsOnUndefined,
  conditionUndefined,
  findInMapUndefined,
  circularDependency,
  parameterUnused,
  subNeeded,
  schemaUnknownProperty,
  schemaRequiredProperty,
  schemaType,
  schemaEnum,
  schemaRange,
  schemaPattern,
  schemaDependencies,
  lambdaMemoryRange,
  lambdaTimeoutRange,
  lambdaEphemeralStorageRange,
  lambdaEnvSize,
  lambdaEnvReservedName,
  lambdaLayersCount,
  lambdaFunctionName,
  lambdaReservedConcurrency,
  lambdaHandlerMissing,
  lambdaPackageSize,
  snapstartIncompatible,
  provisionedConcurrencyWithoutAlias,
  lambdaEdgeRestrictions,
  runtimeDeprecated,
  runtimeCreateBlocked,
  runtimeUpdateBlocked,
  runtimeUnknown,
  serviceRetired,
  apiGatewayTimeout,
  sqsVisibilityTimeout,
  sqsBatchWindow,
  sqsFifoBatchSize,
  streamStartingPosition,
  eventBridgeInputSize,
  scheduleExpressionInvalid,
  envPlaintextSecret,
  functionUrlPublic,
  apiNoAuth,
  s3PublicAccess,
  samValidation,
  ...PERMISSION_RULES,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));
