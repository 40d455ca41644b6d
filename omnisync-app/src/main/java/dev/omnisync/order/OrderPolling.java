package dev.omnisync.order;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.ChannelConnectors;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls every account of every channel that has a connector ({@link ChannelAccounts#allOn}), each on its own
 * schedule and in its own task, so one slow or failing channel never delays another. A failed poll is retried after
 * the channel's advice (at most the normal interval); a notification that could not be read yet asks for an early poll.
 */
@Component
@ConditionalOnProperty(name = "omnisync.orders.polling-enabled", havingValue = "true", matchIfMissing = true)
class OrderPolling {

    private static final Logger log = LoggerFactory.getLogger(OrderPolling.class);

    private final ChannelAccounts accounts;
    private final ChannelConnectors connectors;
    private final OrderImport orders;
    private final OrderSettings settings;
    private final Map<Long, Instant> nextPoll = new ConcurrentHashMap<>();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;

    OrderPolling(ChannelAccounts accounts, ChannelConnectors connectors, OrderImport orders, OrderSettings settings) {
        this.accounts = accounts;
        this.connectors = connectors;
        this.orders = orders;
        this.settings = settings;
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.pollThreads()), r -> {
            Thread t = new Thread(r, "order-poll");
            t.setDaemon(true);
            return t;
        });
        orders.onFollowUp(accountId -> nextPoll.put(accountId, Instant.now().plus(settings.followUpDelay())));
    }

    @Scheduled(fixedDelayString = "${omnisync.orders.poll-tick:2s}", initialDelayString = "${omnisync.orders.poll-initial-delay:5s}")
    void pollDueAccounts() {
        Instant now = Instant.now();
        try {
            for (Channel channel : Channel.values()) {
                if (connectors.find(channel).isEmpty()) {
                    continue;
                }
                for (ChannelAccount account : accounts.allOn(channel)) {
                    Instant due = nextPoll.computeIfAbsent(account.id(), id -> now);
                    if (!due.isAfter(now) && running.add(account.id())) {
                        workers.execute(() -> pollOne(account));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("Looking for accounts to poll failed; trying again on the next tick", e);
        }
    }

    private void pollOne(ChannelAccount account) {
        try {
            PollOutcome outcome = orders.poll(account);
            nextPoll.put(account.id(), Instant.now().plus(OrderImport.retryAfter(outcome, settings.pollInterval())));
        } catch (RuntimeException e) {
            log.error("Order poll of account {} failed; retried in {}", account.id(), settings.pollInterval(), e);
            nextPoll.put(account.id(), Instant.now().plus(settings.pollInterval()));
        } finally {
            running.remove(account.id());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
