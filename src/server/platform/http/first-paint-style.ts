/**
 * The first paint's own styles (first-paint.ts), sent inline in its HTML: the page must not wait
 * for the app's stylesheet, which loads behind it. They lay the page out as the app lays out the
 * same page (Mantine's AppShell, PageHeader and Table with the theme in web/app/theme.ts: its
 * sizes, spacing and colours, light and dark as the system prefers, the app's default), so that
 * swapping the app in moves nothing. About 6 KB; ~1.5 KB compressed.
 */
export const firstPaintStyle = `
:root{--fp-body:#fff;--fp-text:#000;--fp-dimmed:#495057;--fp-border:#dee2e6;--fp-stripe:#f8f9fa;--fp-input-border:#ced4da;
--fp-input-bg:#fff;--fp-link:#1971c2;--fp-green:#2f9e44;--fp-yellow:#f08c00;--fp-orange:#e8590c;--fp-red:#e03131;--fp-blue:#1971c2;
--fp-gray:#343a40;--fp-primary:#1971c2;color-scheme:light}
@media (prefers-color-scheme:dark){:root{--fp-body:#242424;--fp-text:#c9c9c9;--fp-dimmed:#b8b8b8;--fp-border:#424242;--fp-stripe:#2e2e2e;
--fp-input-border:#424242;--fp-input-bg:#2e2e2e;--fp-link:#4dabf7;--fp-green:#69db7c;--fp-yellow:#ffd43b;--fp-orange:#ffa94d;
--fp-red:#ff8787;--fp-blue:#4dabf7;--fp-gray:#ced4da;color-scheme:dark}}
:root body{margin:0;background:var(--fp-body)}
#first-paint{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;font-size:16px;
line-height:1.55;color:var(--fp-text);-webkit-font-smoothing:antialiased}
#first-paint a{color:inherit;text-decoration:none}
#first-paint p{margin:0}
#first-paint h1,#first-paint h2{margin:0}
.fp-dimmed{color:var(--fp-dimmed)}
.fp-small{font-size:14px;line-height:1.45}
.fp-c-green{color:var(--fp-green)}.fp-c-yellow{color:var(--fp-yellow)}.fp-c-orange{color:var(--fp-orange)}
.fp-c-red{color:var(--fp-red)}.fp-c-blue{color:var(--fp-blue)}.fp-c-gray{color:var(--fp-gray)}
.fp-skip{position:absolute;left:16px;top:-100px;z-index:1000;padding:10px 16px;background:var(--fp-body);
border:2px solid var(--fp-primary);border-radius:8px}
.fp-skip:focus{top:10px}
.fp-header{position:fixed;inset:0 0 auto;z-index:100;height:60px;box-sizing:border-box;display:flex;align-items:center;
padding:0 16px;background:var(--fp-body);border-bottom:1px solid var(--fp-border)}
.fp-brand{display:flex;flex-direction:column}
.fp-app{font-weight:800;font-size:18px;line-height:1.6}
.fp-district{font-size:12px;line-height:1.4;color:var(--fp-dimmed)}
.fp-nav{position:fixed;top:60px;bottom:0;left:0;width:250px;box-sizing:border-box;padding:12px;overflow-y:auto;display:flex;
flex-direction:column;gap:16px;background:var(--fp-body);border-right:1px solid var(--fp-border)}
#first-paint .fp-nav h2{margin:0 0 4px;padding:0 12px;font-size:12px;line-height:1.4;font-weight:700;text-transform:uppercase;
color:var(--fp-dimmed)}
.fp-nav a{display:block;padding:8px 12px;font-size:14px;line-height:24.8px}
#first-paint .fp-nav a[aria-current=page]{background:var(--fp-primary);color:#fff}
.fp-main{padding:80px 20px 20px 270px}
@media (max-width:48em){.fp-nav{display:none}.fp-main{padding-left:20px}}
.fp-page-header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:flex-end;gap:12px;margin-bottom:20px}
#first-paint .fp-page-header h1{margin-bottom:4px;font-size:30px;line-height:1.3;font-weight:650;outline:none}
@media (max-width:48em){#first-paint .fp-page-header h1{font-size:26px}}
.fp-actions{display:flex;flex-wrap:wrap;gap:12px}
.fp-button{display:inline-flex;align-items:center;box-sizing:border-box;height:36px;padding:0 18px;font:inherit;font-size:14px;
font-weight:600;line-height:1;color:inherit;background:var(--fp-input-bg);border:1px solid var(--fp-input-border);border-radius:8px}
#first-paint .fp-filled{color:#fff;background:var(--fp-primary);border-color:transparent}
.fp-button:disabled{cursor:progress}
#first-paint .fp-subtle{border-color:transparent;background:none;color:var(--fp-link)}
.fp-stack{display:flex;flex-direction:column;gap:16px}
.fp-alert{padding:16px;border-radius:8px;background:rgba(25,113,194,.1)}
.fp-tiles{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:12px}
@media (min-width:48em){.fp-tiles{grid-template-columns:repeat(3,minmax(0,1fr))}}
@media (min-width:62em){.fp-tiles{grid-template-columns:repeat(var(--fp-tiles),minmax(0,1fr))}}
.fp-tile{display:flex;flex-direction:column;padding:12px;border:1px solid var(--fp-input-border);border-left:6px solid;
border-radius:8px}
/* After .fp-tile, whose border shorthand would reset the colour. */
.fp-b-green{border-left-color:#2f9e44}.fp-b-yellow{border-left-color:#f08c00}.fp-b-orange{border-left-color:#e8590c}
.fp-b-red{border-left-color:#e03131}.fp-b-blue{border-left-color:#1971c2}.fp-b-gray{border-left-color:#343a40}
.fp-tile[aria-current=true]{border-width:2px 2px 2px 6px;border-top-color:var(--fp-primary);border-right-color:var(--fp-primary);
border-bottom-color:var(--fp-primary)}
.fp-tile-count{display:flex;align-items:center;gap:8px;font-size:28px;font-weight:750;line-height:1.1}
.fp-tile-label{font-size:14px;line-height:1.45;font-weight:600}
.fp-tile-help{font-size:12px;line-height:1.4}
.fp-filters{display:flex;flex-wrap:wrap;align-items:flex-end;gap:12px}
.fp-field{display:flex;flex-direction:column;width:100%}
@media (min-width:36em){.fp-w180{width:180px}.fp-w220{width:220px}}
@media (min-width:48em){.fp-w280{width:280px}}
/* As Mantine's input wrapper: the label's line box, then the description, 5 px above the input. */
.fp-label{box-sizing:border-box;height:24.8px;padding-top:2px;font-size:14px;font-weight:500;line-height:1.55}
.fp-description{font-size:12px;line-height:1.2;margin-bottom:5px}
.fp-input{box-sizing:border-box;height:36px;padding:0 12px;font:inherit;font-size:14px;color:inherit;background:var(--fp-input-bg);
border:1px solid var(--fp-input-border);border-radius:8px}
.fp-tabs{display:flex;border-bottom:2px solid var(--fp-border)}
.fp-tabs a{padding:10px 16px;margin-bottom:-2px;font-size:14px;line-height:14px;border-bottom:2px solid transparent}
.fp-tabs a[aria-current=page]{border-bottom-color:var(--fp-primary)}
.fp-scroll{overflow-x:auto}
.fp-table{width:100%;min-width:900px;border-collapse:collapse;font-size:14px;line-height:1.55}
.fp-table caption{caption-side:bottom;margin-top:10px;color:var(--fp-dimmed)}
.fp-table th,.fp-table td{padding:10px;text-align:left}
.fp-table thead th{font-weight:700}
.fp-table tbody th{font-weight:400}
.fp-table tbody tr{border-top:1px solid var(--fp-border)}
.fp-table tbody tr:nth-child(odd){background:var(--fp-stripe)}
.fp-table .fp-number{text-align:right}
#first-paint .fp-table a{color:var(--fp-link)}
.fp-name{font-size:16px}
.fp-id{font-size:12px;line-height:1.4}
.fp-cause{font-size:14px;line-height:1.45}
.fp-status{display:inline-flex;align-items:center;gap:6px;font-weight:600}
.fp-status svg{flex-shrink:0}
.fp-pagination{display:flex;justify-content:center;gap:8px;margin-top:12px}
.fp-page{box-sizing:border-box;min-width:32px;height:32px;display:inline-flex;align-items:center;justify-content:center;
border:1px solid var(--fp-input-border);border-radius:8px}
#first-paint .fp-page[aria-current=page]{color:#fff;background:var(--fp-primary);border-color:transparent}
`;
