import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language.label')}
      value={i18n.language.startsWith('en') ? 'en' : 'sv'}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={[
        { value: 'sv', label: <span lang="sv">{t('app.language.sv')}</span> },
        { value: 'en', label: <span lang="en">{t('app.language.en')}</span> },
      ]}
    />
  );
}
