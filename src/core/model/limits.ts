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
} as const;
