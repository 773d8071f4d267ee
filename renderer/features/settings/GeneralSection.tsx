import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import type { SettingsSectionProps } from './section-props';
import { TextSetting } from './TextSetting';

/** Who the business is and who signs the replies; each field checked on the core's schema, its message next to it. */
export function GeneralSection({ settings }: SettingsSectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextSetting label={t('settings.general.businessName')} settings={settings} value={settings.businessName} toPatch={(businessName) => ({ businessName })} />
      <TextSetting
        label={t('settings.general.contact')}
        hint={t('settings.general.contactHint')}
        placeholder={t('settings.general.contactPlaceholder')}
        settings={settings}
        value={settings.contact}
        toPatch={(contact) => ({ contact })}
      />
      <TextSetting
        label={t('settings.general.signer')}
        hint={t('settings.general.signerHint')}
        placeholder={t('settings.general.signerPlaceholder')}
        settings={settings}
        value={settings.signer}
        toPatch={(signer) => ({ signer })}
      />
      <TextSetting
        label={t('settings.general.signature')}
        hint={t('settings.general.signatureHint')}
        settings={settings}
        value={settings.signature}
        multiline
        toPatch={(signature) => ({ signature })}
      />
      <div className="setting">
        <span className="setting__label">{t('language.label')}</span>
        <LanguageSwitch />
      </div>
    </>
  );
}
