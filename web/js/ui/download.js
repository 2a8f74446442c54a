// Saves something the page made as a file in the student's downloads: text, a data URL (a PNG)
// or bytes (a .npz). Nothing here knows what is saved.

/**
 * Saves `content` as a file named `name`.
 * @param {string} name
 * @param {string | Uint8Array<ArrayBuffer>} content text, a data URL, or bytes
 * @param {string} [type] the MIME type of text or bytes
 */
export function download(name, content, type = 'text/plain') {
  const link = document.createElement('a');
  const isDataUrl = typeof content === 'string' && content.startsWith('data:');
  const url = isDataUrl ? content : URL.createObjectURL(new Blob([content], { type }));
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  if (!isDataUrl) setTimeout(() => URL.revokeObjectURL(url), 1000);
}
