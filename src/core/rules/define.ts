import type { Rule, RuleDocs } from './types';

/** Where docs/rules.md is published; each rule's section is `#<rule-id>` (GitHub's heading anchors). */
export const RULES_DOC_BASE = 'https://github.com/serverless-workbench/serverless-workbench/blob/main/docs/rules.md';

export function ruleDocsUrl(id: string): string {
  return `${RULES_DOC_BASE}#${id}`;
}

type RuleDefinition = Omit<Rule, 'meta'> & { meta: Omit<Rule['meta'], 'docs'> & { docs: Omit<RuleDocs, 'url'> } };

/** A rule with its documentation link filled in from its id, so the two can never disagree. */
export function defineRule(rule: RuleDefinition): Rule {
  return { ...rule, meta: { ...rule.meta, docs: { ...rule.meta.docs, url: ruleDocsUrl(rule.id) } } };
}
