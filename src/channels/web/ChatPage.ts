import type { Locale } from '../../config/AppConfig';
import type { Translator } from '../../i18n/Translator';

/** Branding for the page: from the practice file, with our defaults for what it does not say. */
export interface PracticeBranding {
  name: string;
  phone: string;
  defaultLocale: Locale;
  privacyUrl?: string;
  /** Not (yet) a field of practice.yaml; accepted when present, else {@link DEFAULT_BRAND_COLOR}. */
  brandColor?: string;
}

/** A calm teal with enough contrast for white text (WCAG AA). */
export const DEFAULT_BRAND_COLOR = '#00707a';

/** Paths the page and its script use; the same ones are mounted by registerWebChannel. */
export const WEB_PATHS = {
  page: '/',
  token: '/api/directline/token',
} as const;

/** The URLs (with content hashes) of the page's files. */
export interface ChatPageAssets {
  script: string;
  stylesheet: string;
  webChatBundle: string;
}

/** What the page's script reads from the JSON block (never executed, so CSP allows it). */
export interface ChatClientConfig {
  tokenUrl: string;
  /** Direct Line base for the bot's own endpoint, relative to the page's origin. */
  directLinePath: string;
  locale: Locale;
  nonce: string;
  brandColor: string;
  maxMessageLength: number;
  strings: { loading: string; unavailable: string; expired: string };
  overrideLocalizedStrings: Record<string, string>;
}

/** A #rrggbb colour, or the default when the value is anything else (it ends up in CSS). */
export function brandColorOf(branding: PracticeBranding): string {
  const c = branding.brandColor?.trim();
  return c && /^#[0-9a-fA-F]{6}$/.test(c) ? c.toLowerCase() : DEFAULT_BRAND_COLOR;
}

/**
 * Renders the chat page: a header with the practice's name, Web Chat in the middle, the
 * not-a-diagnosis line and the privacy link below. All sentences come from `web.*` in the locale
 * files; every value is escaped. Scripts are external files so a strict CSP applies.
 */
export function renderChatPage(
  translator: Translator,
  branding: PracticeBranding,
  options: { nonce: string; maxMessageLength: number; assets: ChatPageAssets; unansweredDays?: number },
): string {
  const locale = branding.defaultLocale;
  const t = (key: string) => translator.t(locale, key, { practiceName: branding.name, phone: branding.phone });
  const config: ChatClientConfig = {
    tokenUrl: WEB_PATHS.token,
    directLinePath: '/v3/directline',
    locale,
    nonce: options.nonce,
    brandColor: brandColorOf(branding),
    maxMessageLength: options.maxMessageLength,
    strings: { loading: t('web.loading'), unavailable: t('web.unavailable'), expired: t('web.expired') },
    overrideLocalizedStrings: {
      TEXT_INPUT_PLACEHOLDER: t('web.webchat.placeholder'),
      TEXT_INPUT_SEND_BUTTON_ALT: t('web.webchat.send'),
    },
  };
  const a = options.assets;
  const privacy = branding.privacyUrl && /^https?:\/\//.test(branding.privacyUrl)
    ? ` <a href="${escapeHtml(branding.privacyUrl)}" target="_blank" rel="noopener noreferrer">${escapeHtml(t('web.privacy'))}</a>`
    : '';
  const notice = options.unansweredDays
    ? ` ${escapeHtml(translator.t(locale, 'web.unansweredNotice', { days: options.unansweredDays }))}`
    : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(t('web.title'))}</title>
<link rel="stylesheet" href="${escapeHtml(a.stylesheet)}">
<script type="application/json" id="chat-config">${jsonForHtml(config)}</script>
<script src="${escapeHtml(a.script)}" defer></script>
<script src="${escapeHtml(a.webChatBundle)}" id="webchat-bundle" defer></script>
</head>
<body>
<header class="chat-header">
<h1>${escapeHtml(branding.name)}</h1>
<p>${escapeHtml(t('web.subtitle'))}</p>
<button type="button" id="chat-new" class="chat-new" hidden>${escapeHtml(t('web.newConversation'))}</button>
</header>
<p id="chat-notice" class="chat-notice" role="status" hidden></p>
<main id="webchat" class="chat-main" role="main" aria-label="${escapeHtml(t('web.chatLabel'))}">
<p class="chat-status" id="chat-status">${escapeHtml(t('web.loading'))}</p>
<noscript><p class="chat-status">${escapeHtml(t('web.noscript'))}</p></noscript>
</main>
<footer class="chat-footer"><p>${escapeHtml(t('web.disclaimer'))}${notice}${privacy}</p></footer>
</body>
</html>
`;
}

/** Escapes text and attribute values for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** JSON that cannot close its `<script>` element or open a comment inside it. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
