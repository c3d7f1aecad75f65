import * as fs from 'fs';
import * as path from 'path';

// What an editor sees between keystrokes, shared by the tests that compare YAML readings of typed text.

export function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

/** Deterministic, so a failure names a mutation that can be replayed. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The typing mistakes an editor sees between keystrokes. */
export const MUTATIONS: { name: string; apply: (text: string, at: number, lineStart: number) => string }[] = [
  { name: 'delete a character', apply: (t, at) => t.slice(0, at) + t.slice(at + 1) },
  { name: 'duplicate a character', apply: (t, at) => t.slice(0, at) + t[at] + t.slice(at) },
  { name: 'indent a line', apply: (t, _at, ls) => `${t.slice(0, ls)} ${t.slice(ls)}` },
  { name: 'dedent a line', apply: (t, _at, ls) => (t[ls] === ' ' ? t.slice(0, ls) + t.slice(ls + 1) : t) },
  { name: 'tab as indentation', apply: (t, _at, ls) => `${t.slice(0, ls)}\t${t.slice(ls)}` },
  {
    name: 'tab for a space',
    apply: (t, at) => {
      const i = t.indexOf(' ', at);
      return i < 0 ? t : `${t.slice(0, i)}\t${t.slice(i + 1)}`;
    },
  },
  { name: 'unclosed bracket', apply: (t, at) => `${t.slice(0, at)}[${t.slice(at)}` },
  { name: 'unclosed brace', apply: (t, at) => `${t.slice(0, at)}{${t.slice(at)}` },
  { name: 'stray quote', apply: (t, at) => `${t.slice(0, at)}${at % 2 ? '"' : "'"}${t.slice(at)}` },
  { name: 'stray colon', apply: (t, at) => `${t.slice(0, at)}: ${t.slice(at)}` },
  { name: 'stray dash', apply: (t, _at, ls) => `${t.slice(0, ls)}- ${t.slice(ls)}` },
  { name: 'comment without space', apply: (t, at) => `${t.slice(0, at)}#${t.slice(at)}` },
  { name: 'tag', apply: (t, at) => `${t.slice(0, at)}!Ref ${t.slice(at)}` },
  { name: 'anchor', apply: (t, at) => `${t.slice(0, at)}&a ${t.slice(at)}` },
  { name: 'block scalar', apply: (t, at) => `${t.slice(0, at)}|\n${t.slice(at)}` },
  {
    name: 'duplicate a line',
    apply: (t, _at, ls) => {
      const e = t.indexOf('\n', ls) + 1 || t.length;
      return t.slice(0, e) + t.slice(ls, e) + t.slice(e);
    },
  },
  {
    name: 'delete a line',
    apply: (t, _at, ls) => {
      const e = t.indexOf('\n', ls) + 1 || t.length;
      return t.slice(0, ls) + t.slice(e);
    },
  },
];

export function mutate(text: string, next: () => number): { text: string; what: string } {
  const at = Math.floor(next() * text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const mutation = MUTATIONS[Math.floor(next() * MUTATIONS.length)];
  return { text: mutation.apply(text, at, lineStart), what: `${mutation.name} at ${at}` };
}
