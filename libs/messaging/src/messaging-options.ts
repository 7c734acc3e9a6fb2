/** How a service takes part in messaging. */
export interface MessagingOptions {
  /**
   * The service's name (`companies`, `events`, `trips`, `reporting`): the `source` of the events it
   * publishes, the name of its durable consumers and its token in dead-letter subjects.
   */
  service: string;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
