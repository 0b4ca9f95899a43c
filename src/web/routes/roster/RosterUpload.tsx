import { useRef, useState } from 'react';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { useTranslation } from 'react-i18next';
import { rosterLimits } from '../../../shared/api/rostering';
import { uploadRoster, type RosterImport } from '../../api/rostering';
import { errorMessage } from '../../components/errors';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';

/** Drop the zip or choose it with the button (the keyboard way); the bytes' progress shows as they go. */
export function RosterUpload({ onUploaded }: { onUploaded: (created: RosterImport) => void }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const openRef = useRef<() => void>(null);
  const [sending, setSending] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File) => {
    setError(null);
    setSending({ name: file.name, fraction: 0 });
    try {
      onUploaded(await uploadRoster(file, (fraction) => setSending({ name: file.name, fraction })));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setSending(null);
    }
  };

  const refuse = (rejections: FileRejection[]) => {
    const tooBig = rejections.some((r) => r.errors.some((e) => e.code === 'file-too-large'));
    setError(tooBig ? t('roster.tooBig', { mb: number(rosterLimits.uploadMaxBytes / 1024 / 1024) }) : t('roster.notZip'));
  };

  return (
    <Section title={t('roster.uploadTitle')}>
      <Stack gap="sm">
        {error ? (
          <Alert color="red" role="alert" title={t('roster.uploadFailed')}>
            {error}
          </Alert>
        ) : null}
        <Dropzone
          openRef={openRef}
          onDrop={(files) => {
            if (files[0]) void send(files[0]);
          }}
          onReject={refuse}
          accept={{ 'application/zip': ['.zip'], 'application/x-zip-compressed': ['.zip'] }}
          maxSize={rosterLimits.uploadMaxBytes}
          multiple={false}
          disabled={sending !== null}
          activateOnClick={false}
          activateOnKeyboard={false}
          // The plain file input, not the File System Access picker: same behaviour in every browser (and testable).
          useFsAccessApi={false}
          aria-label={t('roster.dropLabel')}
          inputProps={{ 'aria-label': t('roster.fileInput') }}
        >
          <Stack align="center" gap={4} py="lg">
            <Text fw={600}>{t('roster.drop')}</Text>
            <Text size="sm" c="dimmed">
              {t('roster.dropHelp')}
            </Text>
          </Stack>
        </Dropzone>
        <Group>
          <Button onClick={() => openRef.current?.()} disabled={sending !== null}>
            {t('roster.choose')}
          </Button>
        </Group>
        {sending ? (
          <Stack gap={4} role="status">
            <Text size="sm">{t('roster.sending', { name: sending.name, percent: Math.round(sending.fraction * 100) })}</Text>
            <Progress value={sending.fraction * 100} aria-label={t('roster.sendingLabel')} />
          </Stack>
        ) : null}
      </Stack>
    </Section>
  );
}
