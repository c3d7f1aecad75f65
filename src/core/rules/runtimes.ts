import type { FunctionView, Setting } from '../model/template';
import { defineRule } from './define';
import { about } from './function-settings';
import { originNote, originRelated, settingFix } from './resolved';
import { RUNTIMES, successorOf } from './runtime-data';
import { closest, didYouMean } from './suggest';
import { addDays } from './today';
import type { Fix, RuleContext } from './types';

/**
 * Warn this many days before deprecation: Lambda emails owners 60 days ahead and Trusted Advisor 120 (Lambda developer
 * guide, "Lambda runtimes").
 */
export const DEPRECATION_NOTICE_DAYS = 90;

const LIFECYCLE_FACT =
  'AWS publishes a deprecation date, a block-create date and a block-update date for every runtime; invocations ' +
  'are never blocked. Source: the "Lambda runtimes" page of the Lambda developer guide, as kept by cfn-lint\'s ' +
  'LmbdRuntimeLifecycle.json, shipped as data/lambda-runtimes.json.';

interface RuntimeUse {
  readonly fn: FunctionView;
  readonly setting: Setting<string> & { value: string };
}

/** Runtimes as they resolve (`Runtime: !Ref Runtime` is its parameter's value); unknown ones are not judged. */
function runtimesIn(context: RuleContext): RuntimeUse[] {
  return context.template.functions.flatMap((fn) =>
    fn.runtime?.value !== undefined && !fn.runtime.value.includes('${')
      ? [{ fn, setting: fn.runtime as RuntimeUse['setting'] }]
      : [],
  );
}

function replaceWith(context: RuleContext, use: RuntimeUse, runtime: string | undefined): Fix[] {
  return runtime ? settingFix(context.template, use.setting, runtime, 'Change runtime') : [];
}

type Phase = 'updateBlock' | 'createBlock' | 'deprecated';

/** The most severe lifecycle phase a runtime has reached today, which is the one worth telling. */
function phaseOf(runtime: string, today: string): Phase | undefined {
  const r = RUNTIMES[runtime];
  if (!r) return undefined;
  if (r.updateBlock && r.updateBlock <= today) return 'updateBlock';
  if (r.createBlock && r.createBlock <= today) return 'createBlock';
  if (r.deprecated && noticeDate(runtime, r.deprecated) <= today) return 'deprecated';
  return undefined;
}

/** The day a runtime's deprecation starts being told, worked out once per runtime rather than per function. */
const noticeDates = new Map<string, string>();
function noticeDate(runtime: string, deprecated: string): string {
  let date = noticeDates.get(runtime);
  if (date === undefined) {
    date = addDays(deprecated, -DEPRECATION_NOTICE_DAYS);
    noticeDates.set(runtime, date);
  }
  return date;
}

function lifecycleRule(
  id: string,
  phase: Phase,
  severity: 'error' | 'warning',
  docs: { summary: string; why: string; fix: string; example: string },
) {
  return defineRule({
    id,
    meta: { severity, fixable: true, docs: { ...docs, fact: LIFECYCLE_FACT } },
    messages: {
      deprecated:
        '{{subject}} uses {{runtime}}{{origin}}, deprecated on {{date}}: it no longer gets security ' +
        'patches.{{successor}}{{where}}',
      deprecating:
        '{{subject}} uses {{runtime}}{{origin}}, which will be deprecated on {{date}} ({{days}} days from ' +
        'now).{{successor}}{{where}}',
      createBlock:
        '{{subject}} uses {{runtime}}{{origin}}: Lambda has refused to create functions with it since {{date}}, ' +
        'so deploying this function to a new stack fails.{{successor}}{{where}}',
      updateBlock:
        '{{subject}} uses {{runtime}}{{origin}}: Lambda has refused to update functions with it since {{date}}, ' +
        'so any deploy that changes this function fails.{{successor}}{{where}}',
    },
    check(context) {
      const today = context.inputs.today;
      for (const use of runtimesIn(context)) {
        if (phaseOf(use.setting.value, today) !== phase) continue;
        const r = RUNTIMES[use.setting.value];
        const date = r[phase]!;
        const successor = successorOf(use.setting.value);
        const days = Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
        context.report({
          messageId: phase === 'deprecated' && days > 0 ? 'deprecating' : phase,
          data: {
            runtime: use.setting.value,
            origin: originNote(use.setting),
            date,
            days,
            successor: successor ? ` Move to ${successor}.` : '',
          },
          span: use.setting.span,
          about: about(use.fn, use.setting),
          logicalId: use.fn.logicalId,
          related: originRelated(use.setting),
          fixes: replaceWith(context, use, successor),
        });
      }
    },
  });
}

export const runtimeDeprecated = lifecycleRule('runtime-deprecated', 'deprecated', 'warning', {
  summary: `A function uses a runtime that is deprecated, or will be within ${DEPRECATION_NOTICE_DAYS} days.`,
  why:
    'A deprecated runtime gets no security patches or support; some weeks later Lambda blocks creating, then ' +
    'updating, functions that use it.',
  example: 'Runtime: nodejs18.x',
  fix: 'Move to the successor named in the message (the quick fix changes the runtime), then test the function on it.',
});

export const runtimeCreateBlocked = lifecycleRule('runtime-create-blocked', 'createBlock', 'error', {
  summary: 'A function uses a runtime that Lambda no longer accepts for new functions.',
  why: 'Deploying the template to a new stack, a new Region or a new account fails when the function is created.',
  example: 'Runtime: python3.6',
  fix: 'Change the runtime to its successor (quick fix) and test the code on it.',
});

export const runtimeUpdateBlocked = lifecycleRule('runtime-update-blocked', 'updateBlock', 'error', {
  summary: 'A function uses a runtime that Lambda no longer accepts even for updates of existing functions.',
  why: 'Every deploy that touches the function fails; only invoking it still works.',
  example: 'Runtime: nodejs12.x',
  fix: 'Change the runtime to its successor (quick fix) and test the code on it.',
});

export const runtimeUnknown = defineRule({
  id: 'runtime-unknown',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: 'A function names a runtime that Lambda does not have.',
      why:
        'CloudFormation rejects the function ("Value … at \'runtime\' failed to satisfy constraint"), usually ' +
        'after minutes of deploying other resources.',
      fact:
        'The valid identifiers are the Runtime enum of the Lambda API (CreateFunction API reference), which ' +
        'data/lambda-runtimes.json lists.',
      example: 'Runtime: provided.al2023023',
      fix:
        'Use the identifier the message suggests (quick fix) or another from the "Lambda runtimes" page of the ' +
        'Lambda developer guide.',
    },
  },
  messages: { unknown: "{{subject}}: '{{runtime}}'{{origin}} is not a Lambda runtime.{{suggestion}}{{where}}" },
  check(context) {
    for (const use of runtimesIn(context)) {
      if (RUNTIMES[use.setting.value]) continue;
      const suggestion = closest(use.setting.value, Object.keys(RUNTIMES));
      context.report({
        messageId: 'unknown',
        data: { runtime: use.setting.value, origin: originNote(use.setting), suggestion: didYouMean(suggestion) },
        span: use.setting.span,
        about: about(use.fn, use.setting),
        logicalId: use.fn.logicalId,
        related: originRelated(use.setting),
        fixes: replaceWith(context, use, suggestion),
      });
    }
  },
});
