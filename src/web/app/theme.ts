import { Alert, createTheme, TableScrollContainer, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's defaults with the colours that fall short of WCAG AA (4.5:1 for text) darkened or
 * lightened: primary buttons use shade 8, dimmed and error text get stronger shades in both schemes.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    // Tinted titles (red on pink, amber on cream) fall below 4.5:1; the tint and border carry the tone instead.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    // A wide table scrolls sideways in a plain overflow box, the browser's own: Mantine's ScrollArea
    // measures its content to draw its scrollbars (~25 ms of layout on the systems board's first load).
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { type: 'native' } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[9],
    '--mantine-color-placeholder': t.colors.gray[7],
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1],
    '--mantine-color-error': t.colors.red[4],
    '--mantine-color-placeholder': t.colors.dark[1],
  },
});
