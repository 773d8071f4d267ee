import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import type { SettingsSectionProps } from './settings-sections';
import { TextSetting } from './TextSetting';

/** Who the business is and who signs the replies. */
export function GeneralSection({ settings, save }: SettingsSectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextSetting label={t('settings.general.businessName')} value={settings.businessName} maxLength={200} onSave={(businessName) => save({ businessName })} />
      <TextSetting
        label={t('settings.general.contact')}
        hint={t('settings.general.contactHint')}
        placeholder={t('settings.general.contactPlaceholder')}
        value={settings.contact}
        maxLength={500}
        onSave={(contact) => save({ contact })}
      />
      <TextSetting
        label={t('settings.general.signer')}
        hint={t('settings.general.signerHint')}
        placeholder={t('settings.general.signerPlaceholder')}
        value={settings.signer}
        maxLength={100}
        onSave={(signer) => save({ signer })}
      />
      <TextSetting label={t('settings.general.signature')} hint={t('settings.general.signatureHint')} value={settings.signature} maxLength={500} multiline onSave={(signature) => save({ signature })} />
      <div className="setting">
        <span className="setting__label">{t('language.label')}</span>
        <LanguageSwitch />
      </div>
    </>
  );
}
