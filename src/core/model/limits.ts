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
   * Deepest nesting of maps and lists we read. PyYAML, which SAM CLI and cfn-lint load templates with,
   * composes nodes recursively and runs out of Python's default recursion limit (1,000 frames) between
   * 400 and 500 levels, so no template those tools accept nests deeper; the bound keeps our own
   * recursive readers far from the JavaScript stack's end.
   */
  maxNestingDepth: 400,
} as const;
