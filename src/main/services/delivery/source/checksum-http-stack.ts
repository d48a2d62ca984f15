/**
 * Wraps tus-js-client's Node HTTP stack to add the tus checksum extension, which tus-js-client
 * does not implement: each PATCH body (a Buffer from chunk-source.ts) gets
 * `Upload-Checksum: sha256 <base64>`, so the server refuses a chunk altered in transit (460)
 * and the client re-sends just that chunk. It also counts the body bytes put on the wire.
 */
import crypto from 'node:crypto';
import { DefaultHttpStack, type HttpRequest, type HttpResponse, type HttpStack } from 'tus-js-client';

export class ChecksumHttpStack implements HttpStack {
  private readonly inner: HttpStack;

  constructor(
    requestOptions: Record<string, unknown>,
    private readonly onBodySent: (bytes: number) => void,
  ) {
    this.inner = new DefaultHttpStack(requestOptions);
  }

  createRequest(method: string, url: string): HttpRequest {
    const request = this.inner.createRequest(method, url);
    const onBodySent = this.onBodySent;
    return {
      getMethod: () => request.getMethod(),
      getURL: () => request.getURL(),
      setHeader: (header, value) => request.setHeader(header, value),
      getHeader: (header) => request.getHeader(header),
      setProgressHandler: (handler) => request.setProgressHandler(handler),
      abort: () => request.abort(),
      getUnderlyingObject: () => request.getUnderlyingObject(),
      send(body: unknown): Promise<HttpResponse> {
        if (body instanceof Uint8Array && body.length > 0) {
          request.setHeader('Upload-Checksum', `sha256 ${crypto.createHash('sha256').update(body).digest('base64')}`);
          onBodySent(body.length);
        }
        return request.send(body);
      },
    };
  }

  getName(): string {
    return 'ChecksumNodeHttpStack';
  }
}
