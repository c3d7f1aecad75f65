import {
  runtimeCreateBlocked,
  runtimeDeprecated,
  runtimeUnknown,
  runtimeUpdateBlocked,
} from '../../../src/core/rules/runtimes';
import { ruleTester, samFunction, withSections } from './rule-tester';

const fn = (runtime: string) => samFunction(runtime);
/** A function whose runtime is the parameter Rt, with these lines under Rt. */
const fromParameter = (...parameter: string[]) =>
  withSections(fn('!Ref Rt'), 'Parameters:', '  Rt:', '    Type: String', ...parameter.map((l) => `    ${l}`));

ruleTester(runtimeDeprecated, {
  valid: [
    { name: 'a parameter without a Default is not judged', text: fromParameter() },
    { name: 'a current runtime', text: fn('nodejs22.x') },
    { name: 'more than 90 days before deprecation', text: fn('python3.10'), inputs: { today: '2026-08-01' } },
    { name: "blocked runtimes are the other rules' business", text: fn('nodejs12.x') },
  ],
  invalid: [
    {
      name: 'a parameter Default, reported on the reference and pointing at the Default',
      text: fromParameter('Default: nodejs18.x'),
      findings: [
        {
          range: '10:16-10:23',
          text: '!Ref Rt',
          related: ['nodejs18.x'],
          message: /uses nodejs18\.x \(Default of parameter Rt\), deprecated on 2025-09-01/,
        },
      ],
    },
    {
      name: 'deprecated, naming the successor',
      text: fn('nodejs18.x'),
      findings: [
        {
          range: '6:16-6:26',
          text: 'nodejs18.x',
          message: /nodejs18\.x, deprecated on 2025-09-01.*Move to nodejs24\.x/,
        },
      ],
    },
    {
      name: 'within 90 days of deprecation',
      text: fn('python3.10'),
      inputs: { today: '2026-09-01' },
      findings: [
        { range: '6:16-6:26', text: 'python3.10', message: /will be deprecated on 2026-10-31 \(60 days from now\)/ },
      ],
    },
  ],
});

ruleTester(runtimeCreateBlocked, {
  valid: [{ name: 'before the block date', text: fn('nodejs18.x'), inputs: { today: '2027-01-31' } }],
  invalid: [
    {
      name: 'from the block date',
      text: fn('nodejs18.x'),
      inputs: { today: '2027-02-01' },
      findings: [
        { range: '6:16-6:26', text: 'nodejs18.x', message: /refused to create functions with it since 2027-02-01/ },
      ],
    },
  ],
});

ruleTester(runtimeUpdateBlocked, {
  valid: [{ name: 'create-blocked only', text: fn('nodejs18.x'), inputs: { today: '2027-03-02' } }],
  invalid: [
    {
      name: 'python2.7',
      text: fn('python2.7'),
      findings: [{ range: '6:16-6:25', text: 'python2.7', message: /since 2022-05-30.*Move to python3\.14/ }],
    },
  ],
});

ruleTester(runtimeUnknown, {
  valid: [{ name: 'listed but without dates', text: fn('nodejs26.x') }],
  invalid: [
    {
      name: 'a doubled suffix',
      text: fn('provided.al2023023'),
      findings: [{ range: '6:16-6:34', text: 'provided.al2023023', message: /Did you mean 'provided\.al2023'\?/ }],
    },
    {
      name: 'nothing close',
      text: fn('cobol'),
      findings: [{ range: '6:16-6:21', text: 'cobol', message: /'cobol' is not a Lambda runtime\.$/ }],
    },
  ],
});
