/** One error base class for the project; subclasses set their `name` (as ky does). */
export class AssistantError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AssistantError';
  }
}

/** A knowledge, lexicon or dialog file that cannot be used: stops start-up with `file:line: what is wrong`. */
export class KnowledgeFileError extends AssistantError {
  readonly file: string;
  readonly line: number;
  readonly problem: string;

  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'KnowledgeFileError';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}

/** The channel (Teams, the Playground…) could not be reached to deliver the bot's replies. */
export class ChannelDeliveryError extends AssistantError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ChannelDeliveryError';
  }
}
