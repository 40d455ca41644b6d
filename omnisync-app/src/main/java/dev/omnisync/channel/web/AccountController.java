package dev.omnisync.channel.web;

import dev.omnisync.channel.AccountChanges;
import dev.omnisync.channel.AccountRemoval;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.NewChannelAccount;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.platform.web.ApiProblems;
import dev.omnisync.workspace.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Channel accounts. Credentials are write-only: accepted here, never answered, never logged. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final ChannelAccounts accounts;

    AccountController(ChannelAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<AccountView> register(WorkspaceId workspace, @RequestBody AccountRequest request) {
        Channel channel = Channel.parse(request.channel()).orElseThrow(() -> ApiProblems.badRequest(
                "'channel' " + (request.channel() == null ? "is required" : "'" + request.channel() + "' is unknown")
                        + ": use one of " + Channel.allNames() + "."));
        ChannelAccount account = accounts.register(workspace, new NewChannelAccount(channel, request.name(), request.region(),
                request.currency(), request.createStoreOrders() == null || request.createStoreOrders(), request.baseUrl(),
                request.credentials(), false));
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id())).body(AccountView.of(account));
    }

    @GetMapping
    List<AccountView> all(WorkspaceId workspace) {
        return accounts.all(workspace).stream().map(AccountView::of).toList();
    }

    @GetMapping("/{id}")
    AccountView one(WorkspaceId workspace, @PathVariable long id) {
        return accounts.find(workspace, id).map(AccountView::of).orElseThrow(() -> notFound(id));
    }

    @PatchMapping("/{id}")
    AccountView change(WorkspaceId workspace, @PathVariable long id, @RequestBody AccountPatch patch) {
        if (patch.channel() != null) {
            throw ApiProblems.badRequest("An account's 'channel' cannot change; register a new account instead.");
        }
        return accounts.change(workspace, id, new AccountChanges(patch.name(), patch.region(), patch.currency(),
                        patch.createStoreOrders(), patch.baseUrl(), patch.priceManagedBy(), patch.credentials()))
                .map(AccountView::of).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(WorkspaceId workspace, @PathVariable long id) {
        AccountRemoval outcome = accounts.remove(workspace, id);
        if (outcome instanceof AccountRemoval.NotFound) {
            throw notFound(id);
        }
        if (outcome instanceof AccountRemoval.StillInUse) {
            throw ApiProblems.conflict("Account " + id + " still has listings; unlink them before removing the account.");
        }
        return ResponseEntity.noContent().build();
    }

    private static RuntimeException notFound(long id) {
        return ApiProblems.notFound("No channel account " + id + " in this workspace.");
    }

    record AccountRequest(String channel, String name, String region, String currency, Boolean createStoreOrders,
            String baseUrl, Map<String, String> credentials) {

        @Override
        public String toString() {
            return "AccountRequest[channel=" + channel + ", name=" + name + ", credentials=<redacted>]";
        }
    }

    record AccountPatch(String channel, String name, String region, String currency, Boolean createStoreOrders,
            String baseUrl, PriceOwner priceManagedBy, Map<String, String> credentials) {

        @Override
        public String toString() {
            return "AccountPatch[name=" + name + ", credentials=<redacted>]";
        }
    }

    /**
     * An account as answered: never its credentials, only whether it has some. {@code storeStockWarning} says
     * what it means when orders from this account do not create store orders.
     */
    record AccountView(String id, String channel, String name, String region, String currency, boolean createStoreOrders,
            String baseUrl, PriceOwner priceManagedBy, boolean sandbox, boolean hasCredentials, Instant createdAt,
            String storeStockWarning) {

        static AccountView of(ChannelAccount a) {
            return new AccountView(Long.toString(a.id()), a.channel().name(), a.name(), a.region(), a.currency(),
                    a.createStoreOrders(), a.baseUrl(), a.priceManagedBy(), a.sandbox(), a.hasCredentials(), a.createdAt(),
                    a.createStoreOrders() ? null
                            : "Orders from this account do not create store orders, so the store's stock does not drop "
                                    + "and other channels will not see these sales.");
        }
    }
}
