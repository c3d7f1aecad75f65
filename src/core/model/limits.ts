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
   * Largest file read from disk at all (a template, a Serverless `${file()}` include, samconfig): four times
   * the largest template, so an oversized template is still read far enough to say how large it is, while a
   * log, a disk image or a device named by mistake is refused instead of filling the editor's memory.
   */
  maxReadFileBytes: 8 * 1024 * 1024,
  /**
   * Levels of nesting the model reads; deeper values are cut off with a problem. Real templates nest
   * fewer than 20 levels (the deepest in the SAM translator's and cfn-lint's test templates is 19).
   * SAM CLI and cfn-lint read templates with PyYAML, whose composer recurses at least twice per level
   * under Python's default recursion limit of 1,000 frames
   * (https://docs.python.org/3/library/sys.html#sys.getrecursionlimit), so they cannot read a template
   * this deep either. Bounding the tree here bounds every recursive walk over it (Globals merges,
   * rules, permissions) to a stack depth that cannot overflow.
   */
  maxNestingDepth: 500,
} as const;
