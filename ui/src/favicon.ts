/** Draws the favicon with an unread badge (a canvas data: URL; img-src allows data:). */
export function drawFavicon(unread: number): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = 32;
  canvas.height = 32;
  const ctx = typeof canvas.getContext === 'function' ? canvas.getContext('2d') : null;
  if (!ctx) return null;
  ctx.fillStyle = '#2f6fde';
  ctx.beginPath();
  ctx.roundRect(2, 6, 28, 20, 4);
  ctx.fill();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(4, 9);
  ctx.lineTo(16, 18);
  ctx.lineTo(28, 9);
  ctx.stroke();
  if (unread > 0) {
    ctx.fillStyle = '#e5383b';
    ctx.beginPath();
    ctx.arc(23, 9, 9, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.font = 'bold 12px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(unread > 99 ? '99' : String(unread), 23, 9.5);
  }
  return canvas.toDataURL('image/png');
}

export function setFavicon(unread: number): void {
  const url = drawFavicon(unread);
  if (!url) return;
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.appendChild(link);
  }
  link.href = url;
}
