import DOMPurify from 'dompurify';

export interface SanitizeOptions {
  /** Remote (http/https) images and CSS backgrounds load only when the user asked, per message. */
  loadImages: boolean;
  /** Maps a cid: reference (without "cid:") to the part URL, or null when unknown. */
  cidUrl: (contentId: string) => string | null;
  /** The app's origin, allowed for inline (cid:) images served by the parts endpoint. */
  origin: string;
}

export interface SanitizedMail {
  /** A whole document for the sandboxed iframe's srcdoc. */
  html: string;
  /** How many remote images were held back. */
  blocked: number;
}

// Never render: anything that runs, navigates, submits, loads a frame or sets a base URL.
const forbiddenTags = ['script', 'form', 'input', 'button', 'select', 'textarea', 'option', 'meta', 'base', 'link', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'audio', 'video', 'source', 'track', 'portal', 'image', 'use', 'feimage'];
const forbiddenAttrs = ['action', 'formaction', 'srcset', 'ping', 'http-equiv', 'xlink:href'];
const urlPattern = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

function rewriteUrl(url: string, options: SanitizeOptions, counter: { blocked: number }): string | null {
  const trimmed = url.trim();
  if (/^cid:/i.test(trimmed)) return options.cidUrl(trimmed.slice(4).replace(/^<|>$/g, ''));
  if (/^data:image\//i.test(trimmed)) return trimmed;
  if (/^https?:\/\//i.test(trimmed) || trimmed.startsWith('//')) {
    if (options.loadImages) return trimmed;
    counter.blocked++;
    return null;
  }
  return null;
}

function rewriteCss(css: string, options: SanitizeOptions, counter: { blocked: number }): string {
  return css
    .replace(/@import[^;]*;?/gi, '')
    .replace(/image-set\([^)]*\)/gi, 'none')
    .replace(urlPattern, (_all, _quote: string, url: string) => {
      const safe = rewriteUrl(url, options, counter);
      return safe ? `url("${safe.replace(/["\\\n\r]/g, '')}")` : 'none';
    });
}

/**
 * Cleans mail HTML for display in a sandboxed iframe (no allow-scripts): DOMPurify, then remote
 * images held back, cid: references pointed at the parts endpoint, links opened outside the
 * frame. The document also carries its own CSP as a second line of defence.
 */
export function sanitizeMail(html: string, options: SanitizeOptions): SanitizedMail {
  const counter = { blocked: 0 };
  const purify = DOMPurify();
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) {
      node.textContent = rewriteCss(node.textContent, options, counter);
    }
  });
  // Before DOMPurify's URI check, which would drop cid: (an unknown scheme) and keep http(s).
  purify.addHook('beforeSanitizeAttributes', (node) => {
    const element = node as Element;
    if (typeof element.getAttribute !== 'function') return;
    for (const name of ['src', 'background', 'poster']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const safe = rewriteUrl(value, options, counter);
      if (safe) element.setAttribute(name, safe);
      else element.removeAttribute(name);
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    const style = element.getAttribute('style');
    if (style) element.setAttribute('style', rewriteCss(style, options, counter));
    if (element.tagName === 'A') {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    }
  });
  const body = purify.sanitize(html, {
    WHOLE_DOCUMENT: true,
    FORBID_TAGS: forbiddenTags,
    FORBID_ATTR: forbiddenAttrs,
    ADD_ATTR: ['target'],
    ALLOW_DATA_ATTR: false,
  });
  const images = options.loadImages ? `data: ${options.origin} http: https:` : `data: ${options.origin}`;
  const csp = `default-src 'none'; img-src ${images}; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'; frame-src 'none'`;
  const head = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer">`;
  const document = /<head>/i.test(body) ? body.replace(/<head>/i, `<head>${head}`) : `<html><head>${head}</head>${body}</html>`;
  return { html: `<!doctype html>${document}`, blocked: counter.blocked };
}
