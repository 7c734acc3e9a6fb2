export * from './partner-meeting-held.event';
export * from './trip-cancelled.event';
export * from './trip-completed.event';
export * from './trip-completion-corrected.event';
export * from './trip-completion-record';
export * from './trip-participant-accepted.event';
export * from './trip-participant-withdrawn.event';
export * from './trip-planned.event';
