package dev.omnisync.order.web;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.order.ChannelOrders;
import dev.omnisync.order.ImportedOrder;
import dev.omnisync.order.OrderImport;
import dev.omnisync.order.PollOutcome;
import dev.omnisync.platform.web.ApiProblems;
import dev.omnisync.workspace.WorkspaceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/orders[?accountId=&channel=&limit=]}, {@code GET /api/orders/{id}}: imported channel orders with
 * their lines, state and store-order reference. {@code POST /api/orders/poll?accountId=} polls one account now.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private static final int MAX_LIMIT = 1000;

    private final ChannelOrders orders;
    private final OrderImport orderImport;
    private final ChannelAccounts accounts;

    OrderController(ChannelOrders orders, OrderImport orderImport, ChannelAccounts accounts) {
        this.orders = orders;
        this.orderImport = orderImport;
        this.accounts = accounts;
    }

    @GetMapping
    List<ImportedOrder> list(WorkspaceId workspace, @RequestParam(required = false) String accountId,
            @RequestParam(required = false) String channel, @RequestParam(required = false) Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblems.badRequest("'limit' is " + size + "; it must be between 1 and " + MAX_LIMIT + ".");
        }
        Channel ch = channel == null || channel.isBlank() ? null : Channel.parse(channel).orElseThrow(() ->
                ApiProblems.badRequest("'channel' '" + channel + "' is not a channel; use one of " + Channel.allNames() + "."));
        return orders.list(workspace, accountId == null || accountId.isBlank() ? null : id(accountId, "accountId"), ch, size);
    }

    @GetMapping("/{id}")
    ImportedOrder get(WorkspaceId workspace, @PathVariable String id) {
        return orders.find(workspace, id(id, "id"))
                .orElseThrow(() -> ApiProblems.notFound("No order " + id + " in this workspace; list them with GET /api/orders."));
    }

    /** Polls one account's orders now (the scheduled poll does the same); answers what was imported and the cursor. */
    @PostMapping("/poll")
    Map<String, Object> poll(WorkspaceId workspace, @RequestParam String accountId) {
        long account = id(accountId, "accountId");
        ChannelAccount found = accounts.find(workspace, account)
                .orElseThrow(() -> ApiProblems.notFound("No channel account " + accountId + " in this workspace."));
        PollOutcome outcome = orderImport.poll(found);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (outcome instanceof PollOutcome.Polled polled) {
            answer.put("outcome", "POLLED");
            answer.put("orders", polled.summary().orders());
            answer.put("newLines", polled.summary().newLines());
            answer.put("transitions", polled.summary().transitions());
            answer.put("cursor", polled.cursor().toString());
            return answer;
        }
        PollOutcome.Failed failed = (PollOutcome.Failed) outcome;
        throw ApiProblems.withProperty(HttpStatus.BAD_GATEWAY, "Order poll failed", "The channel failed midway: "
                + failed.message() + ". Orders of the pages read are stored; the cursor did not move, so the next poll reads the window again.",
                "newLines", failed.storedBeforeFailure().newLines());
    }

    private static long id(String value, String name) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblems.badRequest("'" + name + "' must be a number, not '" + value + "'.");
        }
    }
}
