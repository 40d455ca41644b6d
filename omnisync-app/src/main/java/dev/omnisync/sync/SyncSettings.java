package dev.omnisync.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sync engine's settings ({@code omnisync.sync.*}).
 *
 * @param enabled                     whether the planner and dispatcher run in this process
 * @param lowStockThreshold           quantities at or below this (and zero) are cuts that jump the queue
 * @param planChunk                   change records planned per transaction
 * @param lease                       how long a claimed revision stays with its dispatcher before it lapses
 * @param pollInterval                how often idle planner and dispatcher look for work
 * @param maxBackoff                  the longest wait between retries of one revision
 * @param dispatchThreads             accounts served at the same time (one worker per account)
 * @param repricerDetectionThreshold  foreign prices seen for a listing before it is marked repricer-managed
 * @param logRetention                how long sync-log entries are kept
 * @param changeRetention             how long planned catalog change records are kept
 * @param logMaxRowsPerWorkspace      the most sync-log entries kept per workspace
 */
@ConfigurationProperties("omnisync.sync")
public record SyncSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3") int lowStockThreshold,
        @DefaultValue("2000") int planChunk,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("16") int dispatchThreads,
        @DefaultValue("3") int repricerDetectionThreshold,
        @DefaultValue("14d") Duration logRetention,
        @DefaultValue("7d") Duration changeRetention,
        @DefaultValue("1000000") long logMaxRowsPerWorkspace) {
}
