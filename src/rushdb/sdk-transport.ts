/** A response as the SDK 1.8.0 reads it from its `httpClient` (dist/network/HttpClient.d.ts). */
export interface SdkHttpResponse {
  getStatusCode(): number
  getHeaders(): Record<string, string | string[]>
  getRawResponse(): unknown
  toStream(done: () => void): unknown
  toJSON(): Promise<any>
}

/** A request as the SDK 1.8.0 hands it to its `httpClient`. */
export interface SdkRequestConfig {
  method: string
  headers?: Record<string, number | string | string[]>
  requestData?: unknown
  credentials?: string
  timeout?: number
}

/** The SDK's transport seam: the `httpClient` option of `new RushDB(key, { httpClient })`. */
export interface SdkHttpClient {
  makeRequest(url: string, config: SdkRequestConfig): Promise<SdkHttpResponse>
}
