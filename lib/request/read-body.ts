// Reads a request body as bytes, but never more than it needs to tell that the body is too large.

/**
 * The body's bytes, or its first `maxBytes + 1` bytes when it is longer: a result longer than `maxBytes`
 * means "too large", and the rest of the upload is not read.
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return Buffer.concat(chunks).subarray(0, maxBytes + 1);
    }
  }
  return Buffer.concat(chunks, total);
}
