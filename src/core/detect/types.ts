// What detection reports (DESIGN.md, "Core concepts"): where a workspace talks to which broker, and how we know.

export type Evidence = 'import' | 'dependency' | 'config' | 'url' | 'code';

export interface Detection {
  file: string;
  /** 1-based. */
  line: number;
  broker: string;
  /** The catalogue id of the client library, when the evidence names one. */
  client: string | null;
  evidence: Evidence;
}
