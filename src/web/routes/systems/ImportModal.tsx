import { useState } from 'react';
import { Alert, Button, Checkbox, Code, FileButton, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { importSystemsYaml, type ImportResult } from '../../api/systems';
import { AppModal } from '../../components/AppModal';
import { errorMessage } from '../../components/errors';

interface Refusal {
  message: string;
  line?: number;
  column?: number;
  field?: string;
}

/** The server says "line 7, systems.1.tier: …": the line and field get their own lines here, the rest is the reason. */
function refusalOf(err: unknown, fallback: string): Refusal {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return { message: fallback };
  const details = err.details as { line?: unknown; column?: unknown } | undefined;
  const line = typeof details?.line === 'number' ? details.line : undefined;
  const column = typeof details?.column === 'number' ? details.column : undefined;
  return { message: err.message.replace(/^(line \d+|the file)(, [^:]+)?: /, ''), line, column, field: err.field };
}

/** Config-as-code from the browser: a YAML file applied whole or not at all, and what it changed. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [prune, setPrune] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const send = async () => {
    if (!file) return;
    setBusy(true);
    setRefusal(null);
    try {
      setResult(await importSystemsYaml(file, prune));
      await queryClient.invalidateQueries({ queryKey: ['systems'] });
    } catch (err) {
      setRefusal(refusalOf(err, errorMessage(err, t)));
    } finally {
      setBusy(false);
    }
  };

  const changed = result ? result.created.length + result.updated.length + result.deleted.length : 0;

  return (
    <AppModal opened onClose={onClose} title={t('systems.import.title')} size="lg">
      {result ? (
        <Stack gap="md">
          <Alert color="green" role="status" title={t('systems.import.doneTitle')}>
            {changed === 0 && !result.notificationsReplaced ? t('systems.import.nothingChanged') : null}
            {result.notificationsReplaced ? t('systems.import.notificationsReplaced') : null}
          </Alert>
          <Table withTableBorder>
            <Table.Tbody>
              {(['created', 'updated', 'deleted', 'unchanged'] as const).map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row" w={140}>
                    {t(`systems.import.${k}`)} ({result[k].length})
                  </Table.Th>
                  <Table.Td>{result[k].join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.heartbeats.length > 0 ? (
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t('systems.import.heartbeats')}
              </Title>
              <Text size="sm">{t('systems.import.heartbeatsHelp')}</Text>
              <List size="sm">
                {result.heartbeats.map((h) => (
                  <List.Item key={`${h.systemId}/${h.check}`}>
                    {h.systemId} / {h.check}: <Code>{`${window.location.origin}${h.path}`}</Code>
                  </List.Item>
                ))}
              </List>
            </Stack>
          ) : null}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setResult(null);
                setFile(null);
              }}
            >
              {t('systems.import.another')}
            </Button>
            <Button onClick={onClose}>{t('actions.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('systems.import.intro')}</Text>
          {refusal ? (
            <Alert color="red" role="alert" title={t('systems.import.refused')}>
              <Stack gap={2}>
                {refusal.line !== undefined ? (
                  <Text size="sm" fw={600}>
                    {t('systems.import.where', { line: refusal.line, column: refusal.column ?? 1 })}
                  </Text>
                ) : null}
                {refusal.field ? (
                  <Text size="sm" fw={600}>
                    {t('systems.import.field', { field: refusal.field })}
                  </Text>
                ) : null}
                <Text size="sm">{refusal.message}</Text>
              </Stack>
            </Alert>
          ) : null}
          <Group gap="sm">
            <FileButton
              onChange={(f) => {
                setFile(f);
                setRefusal(null);
              }}
              accept=".yaml,.yml,application/yaml,text/yaml,text/plain"
            >
              {(props) => (
                <Button variant="default" {...props}>
                  {t('systems.import.choose')}
                </Button>
              )}
            </FileButton>
            {file ? <Text size="sm">{t('systems.import.chosen', { name: file.name })}</Text> : null}
          </Group>
          <Checkbox
            label={t('systems.import.prune')}
            description={t('systems.import.pruneHelp')}
            checked={prune}
            onChange={(e) => setPrune(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button onClick={() => void send()} disabled={!file} loading={busy}>
              {t('systems.import.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}
