/** Guards that keep a hostile or accidental input from freezing the editor. */
export const LIMITS = {
  /** Nodes that aliases may expand to in total; real templates use a few hundred at most. */
  maxAliasExpansion: 100_000,
  /**
   * Largest text we parse: CloudFormation accepts at most 1 MB through S3 (aws-facts.md, "Template body
   * via S3"), so twice that is no template anyone can deploy and is only read far enough to say so.
   */
  maxTemplateBytes: 2 * 1024 * 1024,
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
