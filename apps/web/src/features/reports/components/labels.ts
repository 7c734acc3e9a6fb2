// Names for the keys of the reporting API's breakdowns, in the user's language. Codes the app has no
// name for are shown as the service gives them (a new financier code reads as its code, not as blank).
import { useTranslation } from 'react-i18next';

export type Dimension = 'municipality' | 'sizeClass' | 'activityKind' | 'financier' | 'gender' | 'outcome' | 'country' | 'targetRegion';

export function useLabels() {
  const { t, i18n } = useTranslation();
  const countries = new Intl.DisplayNames([i18n.language.startsWith('en') ? 'en-GB' : 'sv-SE'], { type: 'region', fallback: 'code' });
  const known = (key: string, fallback: string) => (i18n.exists(key) ? t(key) : fallback);
  return (dimension: Dimension, key: string): string => {
    if (key === 'unknown') return t('reports.vocab.unknown');
    switch (dimension) {
      case 'municipality':
        return key === 'outside-county' ? t('reports.vocab.outsideCounty') : key;
      case 'sizeClass':
        return known(`reports.vocab.sizeClasses.${key}`, key);
      case 'activityKind':
        return known(`reports.vocab.activityKinds.${key}`, key);
      case 'financier':
        return known(`reports.vocab.financiers.${key}`, key);
      case 'gender':
        return known(`reports.vocab.genders.${key}`, key);
      case 'outcome':
        return known(`reports.vocab.outcomes.${key}`, key);
      case 'country':
        try {
          return countries.of(key) ?? key;
        } catch {
          return key;
        }
      case 'targetRegion':
        return key === 'none' ? t('reports.vocab.none') : key.charAt(0).toUpperCase() + key.slice(1);
    }
  };
}
