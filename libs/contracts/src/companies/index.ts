export * from './companies-merged.event';
export * from './company-registered.event';
export * from './company-updated.event';
export * from './contact-erased.event';
export * from './export-figures-reported.event';
export * from './relationship-stage-changed.event';
