/**
 * HTTP plumbing the connectors share (inside the channel module, not part of the SPI): one transport on Spring's
 * {@code RestClient} over the JDK HttpClient with connect/read timeouts, bounded retries with exponential backoff
 * (resilience4j) for server errors and timeouts, and the JSON mapper for wire payloads.
 */
package dev.omnisync.channel.wire;
