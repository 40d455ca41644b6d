package dev.omnisync.sync;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelLimits;
import dev.omnisync.channel.FieldKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-listing daily revision budgets (eBay: 250 revisions per listing per day). The last tenth of the
 * budget is kept for quantity: a hot SKU's price noise never spends the revisions an oversell needs.
 */
@Component
class RevisionBudgets {

    private final JdbcClient jdbc;

    RevisionBudgets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Revisions each listing used today, for channels that budget them (empty map otherwise). */
    Map<Long, Integer> usedToday(long workspaceId, Collection<Long> listingIds, ChannelLimits limits) {
        if (limits.revisionsPerListingPerDay() == 0 || listingIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> used = new HashMap<>();
        jdbc.sql("select listing_id, used from revision_budget where workspace_id = ? and listing_id = any(?) and day = ?")
                .params(workspaceId, listingIds.toArray(Long[]::new), today())
                .query((rs, n) -> used.put(rs.getLong(1), rs.getInt(2))).list();
        return used;
    }

    /** The dirty fields that may be sent now within the listing's budget, given what it used today. */
    Set<FieldKey> allowed(Set<FieldKey> dirty, int usedToday, ChannelLimits limits) {
        int budget = limits.revisionsPerListingPerDay();
        if (budget == 0 || dirty.isEmpty()) {
            return dirty;
        }
        if (usedToday >= budget) {
            return Set.of();
        }
        int reservedForQuantity = Math.max(1, budget / 10);
        if (usedToday >= budget - reservedForQuantity) {
            return dirty.contains(FieldKey.QUANTITY) ? EnumSet.of(FieldKey.QUANTITY) : Set.of();
        }
        return dirty;
    }

    void charge(Channel channel, long workspaceId, Collection<Long> listingIds) {
        if (channel.documentedLimits().revisionsPerListingPerDay() == 0 || listingIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into revision_budget (workspace_id, listing_id, day, used)
                select ?, unnest(?), ?, 1
                on conflict (workspace_id, listing_id, day) do update set used = revision_budget.used + 1""")
                .params(workspaceId, listingIds.toArray(Long[]::new), today()).update();
    }

    Duration untilReset() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
