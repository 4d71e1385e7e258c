/** What the trace readers throw on data they cannot trust (engine batches, saved files). */
export class TraceFormatError extends Error {}
