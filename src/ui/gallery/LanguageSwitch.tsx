import { LOCALES, setLocale, useLocale, useT, type Locale } from '../../i18n';

/** English or 中文: our words change, the program and its output never do. */
export function LanguageSwitch() {
  const locale = useLocale((s) => s.locale);
  const t = useT();
  return (
    <label className="language-switch" title={t('app.language')}>
      <span className="visually-hidden">{t('app.language')}</span>
      <select data-testid="language" value={locale} onChange={(e) => { setLocale(e.target.value as Locale); e.target.blur(); }}>
        {LOCALES.map((x) => <option key={x.id} value={x.id} lang={x.id}>{x.name}</option>)}
      </select>
    </label>
  );
}
