import { useMemo } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { partUrl } from '../api';
import { sanitizeMail } from '../sanitize';
import type { Message } from '../types';

type Width = 'phone' | 'tablet' | 'full';

/**
 * The HTML body, cleaned by DOMPurify and shown in an iframe sandboxed without allow-scripts
 * or allow-same-origin. Remote images wait until "Load images" for this message.
 */
export function HtmlPreview({ message, loadImages, onLoadImages }: { message: Message; loadImages: boolean; onLoadImages: () => void }) {
  const width = useSignal<Width>('full');
  const cleaned = useMemo(
    () =>
      sanitizeMail(message.html ?? '', {
        loadImages,
        origin: location.origin,
        cidUrl: (cid) => {
          const part = message.attachments.find((a) => a.contentId && a.contentId.replace(/^<|>$/g, '').toLowerCase() === cid.toLowerCase());
          return part ? location.origin + partUrl(message.id, part.partId) : null;
        },
      }),
    [message, loadImages],
  );

  return (
    <div class="html-preview">
      <div class="preview-bar">
        <div class="segmented" role="group" aria-label="Preview width">
          {(['phone', 'tablet', 'full'] as Width[]).map((w) => (
            <button type="button" class={width.value === w ? 'active' : ''} aria-pressed={width.value === w} onClick={() => (width.value = w)}>
              {w === 'phone' ? 'Phone' : w === 'tablet' ? 'Tablet' : 'Full'}
            </button>
          ))}
        </div>
        {cleaned.blocked > 0 && !loadImages && (
          <button type="button" class="load-images" onClick={onLoadImages} data-testid="load-images">
            Load {cleaned.blocked} remote image{cleaned.blocked === 1 ? '' : 's'}
          </button>
        )}
      </div>
      <div class={`frame-wrap width-${width.value}`}>
        <iframe
          title="HTML body"
          data-testid="html-frame"
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          referrerpolicy="no-referrer"
          srcdoc={cleaned.html}
        />
      </div>
    </div>
  );
}
