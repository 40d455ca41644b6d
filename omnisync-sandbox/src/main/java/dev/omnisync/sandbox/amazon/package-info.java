/**
 * Amazon SP-API simulator (LWA token, Listings Items 2021-08-01, Feeds 2021-06-30 with JSON_LISTINGS_FEED,
 * Orders v0), mounted under {@code /sandbox/amazon}. Accepts by default LWA client id
 * {@code amzn1.application-oa2-client.sandbox}, secret {@code amzn1.oa2-cs.v1.sandbox-secret}, refresh token
 * {@code Atzr|sandbox-refresh-token}, seller id {@code A3SANDBOXSELLER} (override with
 * {@code omnisync.sandbox.amazon.client-id|client-secret|refresh-token|seller-id}); see docs/sandbox.md.
 */
package dev.omnisync.sandbox.amazon;
