/**
 * The eight sandbox marketplaces: simulators that serve each channel's real routes, payloads, auth, signatures,
 * limits and error formats (shared/docs/wire/&lt;channel&gt;.md) under {@code /sandbox/{ch}/}, plus the control API of
 * API.md under {@code /sandbox/{ch}/_control/}. A sandbox is never more lenient than its channel.
 *
 * <p>Shared machinery here: {@link dev.omnisync.sandbox.SandboxMarketplace} (base of every channel controller:
 * offers, orders, faults, stats, tokens, rate buckets, async jobs, webhook subscription),
 * {@link dev.omnisync.sandbox.SandboxOffers}, {@link dev.omnisync.sandbox.SandboxOrders},
 * {@link dev.omnisync.sandbox.SandboxRateLimiter}, {@link dev.omnisync.sandbox.FaultInjector},
 * {@link dev.omnisync.sandbox.AsyncJobRunner}, {@link dev.omnisync.sandbox.NotificationSender},
 * {@link dev.omnisync.sandbox.SandboxStats}, {@link dev.omnisync.sandbox.JsonShape} (strict body schemas).
 * One subpackage per channel; each channel's package-info names the credentials it accepts by default
 * (one fixed set per channel, overridable with {@code omnisync.sandbox.<ch>.<name>}, listed by
 * {@code GET /sandbox/{ch}/_control/credentials}).
 *
 * <p>Every bean is {@link dev.omnisync.sandbox.SandboxEnabled} ({@code omnisync.sandbox.enabled}, default on).
 * {@link dev.omnisync.sandbox.SandboxServer} starts the sandbox alone on its own port for connector tests.
 * See docs/sandbox.md.
 */
package dev.omnisync.sandbox;
