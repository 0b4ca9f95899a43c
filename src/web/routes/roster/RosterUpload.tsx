import { useTranslation } from 'react-i18next';
import { rosterLimits } from '../../../shared/api/rostering';
import { uploadRoster, type RosterImport } from '../../api/rostering';
import { FileDrop } from '../../components/FileDrop';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';

/** Drop the zip or choose it with the button (the keyboard way); the bytes' progress shows as they go. */
export function RosterUpload({ onUploaded }: { onUploaded: (created: RosterImport) => void }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <Section title={t('roster.uploadTitle')}>
      <FileDrop
        accept={{ 'application/zip': ['.zip'], 'application/x-zip-compressed': ['.zip'] }}
        maxBytes={rosterLimits.uploadMaxBytes}
        send={async (file, onProgress) => onUploaded(await uploadRoster(file, onProgress))}
        text={{
          drop: t('roster.drop'),
          help: t('roster.dropHelp'),
          choose: t('roster.choose'),
          dropLabel: t('roster.dropLabel'),
          fileInput: t('roster.fileInput'),
          failed: t('roster.uploadFailed'),
          tooBig: t('roster.tooBig', { mb: number(rosterLimits.uploadMaxBytes / 1024 / 1024) }),
          wrongType: t('roster.notZip'),
          sending: (name, percent) => t('roster.sending', { name, percent }),
          sendingLabel: t('roster.sendingLabel'),
        }}
      />
    </Section>
  );
}
