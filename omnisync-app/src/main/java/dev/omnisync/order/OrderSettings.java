package dev.omnisync.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Order import settings ({@code omnisync.orders.*}).
 *
 * @param pollingEnabled   whether this process polls the channels for orders (the safety net behind notifications)
 * @param pollInterval     how often each account is polled
 * @param pollTick         how often the poller looks for due accounts
 * @param pollThreads      accounts polled at the same time
 * @param pollOverlap      each poll re-reads this much before the saved cursor (late or skewed change times)
 * @param initialLookback  how long before an account was connected its orders still count (0: only orders changed
 *                         after it was connected, so connecting an account does not replay orders already handled)
 * @param webhookLookback  the first notification-triggered read of an account reads this far back
 * @param webhookOverlap   later notification-triggered reads start this long before the previous one started
 * @param followUpDelay    when a notified order was not readable yet, the account is polled again after this
 * @param subscribeSandboxAccounts whether sandbox accounts are subscribed to notifications at startup
 */
@ConfigurationProperties("omnisync.orders")
public record OrderSettings(
        @DefaultValue("true") boolean pollingEnabled,
        @DefaultValue("60s") Duration pollInterval,
        @DefaultValue("2s") Duration pollTick,
        @DefaultValue("4") int pollThreads,
        @DefaultValue("2m") Duration pollOverlap,
        @DefaultValue("0s") Duration initialLookback,
        @DefaultValue("10m") Duration webhookLookback,
        @DefaultValue("30s") Duration webhookOverlap,
        @DefaultValue("5s") Duration followUpDelay,
        @DefaultValue("true") boolean subscribeSandboxAccounts) {
}
