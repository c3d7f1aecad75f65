/** Lambda developer guide, "Lambda quotas": a function's name is at most 64 characters. */
export const FUNCTION_NAME_MAX = 64;

/** Guards that keep a hostile or accidental input from freezing the editor. */
export const LIMITS = {
  /** Nodes that aliases may expand to in total; real templates use a few hundred at most. */
  maxAliasExpansion: 100_000,
  /**
   * Largest text we parse: CloudFormation accepts at most 1 MB through S3 (CloudFormation user guide,
   * "CloudFormation quotas"), so twice that is no template anyone can deploy and is only read far enough to
   * say so.
   */
  maxTemplateBytes: 2 * 1024 * 1024,
  /**
   * Largest file read from disk at all (a template, a Serverless `${file()}` include, samconfig): four times
   * the largest template, so an oversized template is still read far enough to say how large it is, while a
   * log, a disk image or a device named by mistake is refused instead of filling the editor's memory.
   */
  maxReadFileBytes: 8 * 1024 * 1024,
  /**
   * Deepest nesting of maps, lists and intrinsics the model reads. PyYAML, which SAM CLI and cfn-lint load
   * templates with, composes nodes recursively and runs out of Python's default recursion limit (1,000 frames,
   * https://docs.python.org/3/library/sys.html#sys.getrecursionlimit) between 400 and 500 levels, so no template
   * those tools accept nests deeper; real templates nest fewer than 20. The parsers refuse deeper text with a
   * positioned problem, and trees built later (Serverless variables, imported files) are cut here, so every
   * recursive walk over the model (Globals merges, rules, permissions) stays far from the stack's end.
   */
  maxNestingDepth: 400,
  /**
   * Intrinsic functions and containers nested inside one expression that evaluating a value follows. Written
   * templates nest a handful (an `Fn::If` around a `Fn::Sub` around a `Ref`); deeper is generated or hostile
   * and is answered "unknown" instead of exhausting the stack.
   */
  maxEvaluationDepth: 100,
  /**
   * Provenance steps kept per value, outermost first. A person reads three or four; a chain of thousands of
   * conditions would otherwise copy ever longer lists at each link.
   */
  maxProvenanceSteps: 12,
} as const;
