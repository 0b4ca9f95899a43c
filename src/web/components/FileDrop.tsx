import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { Dropzone, type DropzoneProps, type FileRejection } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors';

export interface FileDropText {
  drop: string;
  help: string;
  choose: string;
  dropLabel: string;
  fileInput: string;
  failed: string;
  tooBig: string;
  wrongType: string;
  sending: (name: string, percent: number) => string;
  sendingLabel: string;
}

interface FileDropProps {
  accept: DropzoneProps['accept'];
  maxBytes: number;
  text: FileDropText;
  /** Sends the file; reports the bytes' progress as 0..1. */
  send: (file: File, onProgress: (fraction: number) => void) => Promise<unknown>;
  /** More controls above the drop zone (options that go with the file). */
  children?: ReactNode;
}

/**
 * Drop a file or choose it with the button (the keyboard way); the upload's progress shows as the
 * bytes go, and a refusal says why (too big, wrong type, or the server's own words).
 */
export function FileDrop({ accept, maxBytes, text, send, children }: FileDropProps) {
  const { t } = useTranslation();
  const openRef = useRef<() => void>(null);
  const [sending, setSending] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setError(null);
    setSending({ name: file.name, fraction: 0 });
    try {
      await send(file, (fraction) => setSending({ name: file.name, fraction }));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setSending(null);
    }
  };

  const refuse = (rejections: FileRejection[]) => {
    const tooBig = rejections.some((r) => r.errors.some((e) => e.code === 'file-too-large'));
    setError(tooBig ? text.tooBig : text.wrongType);
  };

  return (
    <Stack gap="sm">
      {error ? (
        <Alert color="red" role="alert" title={text.failed}>
          {error}
        </Alert>
      ) : null}
      {children}
      <Dropzone
        openRef={openRef}
        onDrop={(files) => {
          if (files[0]) void upload(files[0]);
        }}
        onReject={refuse}
        accept={accept}
        maxSize={maxBytes}
        multiple={false}
        disabled={sending !== null}
        activateOnClick={false}
        activateOnKeyboard={false}
        // The plain file input, not the File System Access picker: same behaviour in every browser (and testable).
        useFsAccessApi={false}
        aria-label={text.dropLabel}
        inputProps={{ 'aria-label': text.fileInput }}
      >
        <Stack align="center" gap={4} py="lg">
          <Text fw={600}>{text.drop}</Text>
          <Text size="sm" c="dimmed">
            {text.help}
          </Text>
        </Stack>
      </Dropzone>
      <Group>
        <Button onClick={() => openRef.current?.()} disabled={sending !== null}>
          {text.choose}
        </Button>
      </Group>
      {sending ? (
        <Stack gap={4} role="status">
          <Text size="sm">{text.sending(sending.name, Math.round(sending.fraction * 100))}</Text>
          <Progress value={sending.fraction * 100} aria-label={text.sendingLabel} />
        </Stack>
      ) : null}
    </Stack>
  );
}
