package dev.omnisync.console;

import dev.omnisync.channel.AccountChanges;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.NewChannelAccount;
import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.Products;
import dev.omnisync.listing.Matching;
import java.util.List;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Channel accounts: the list (sandbox ones marked), adding one (credentials are write-only), and the store-orders switch. */
@Controller
class AccountsController {

    static final int SANDBOX_OFFERS = 500;

    private final ChannelAccounts accounts;
    private final Matching matching;
    private final Products products;
    private final SandboxOffersForLinking sandboxOffers;

    AccountsController(ChannelAccounts accounts, Matching matching, Products products, SandboxOffersForLinking sandboxOffers) {
        this.accounts = accounts;
        this.matching = matching;
        this.products = products;
        this.sandboxOffers = sandboxOffers;
    }

    /** Links the account's existing channel offers to store products (by SKU, then EAN/GTIN) with the channel's default policies. */
    @PostMapping("/accounts/{id}/match")
    String match(SignedIn user, @PathVariable long id, RedirectAttributes redirect) {
        Matching.MatchOutcome outcome = matching.match(user.workspace(), id, null, null);
        if (outcome instanceof Matching.MatchOutcome.Matched m) {
            String unmatched = m.unmatched().stream().limit(10).map(o -> o.sku()).collect(java.util.stream.Collectors.joining(", "));
            redirect.addFlashAttribute("notice", "Linked " + m.linked().size() + " offers to store products; " + m.alreadyLinked()
                    + " were linked already; " + m.unmatched().size() + " match no store product"
                    + (unmatched.isEmpty() ? "" : " (" + unmatched + (m.unmatched().size() > 10 ? ", …" : "") + ")")
                    + (m.refused().isEmpty() ? "." : "; refused: " + String.join("; ", m.refused().stream().limit(5).toList()) + "."));
        } else if (outcome instanceof Matching.MatchOutcome.UnknownAccount) {
            throw new IllegalArgumentException("There is no channel account " + id + " in this workspace.");
        } else if (outcome instanceof Matching.MatchOutcome.NoConnector n) {
            throw new IllegalArgumentException("This build cannot read offers from " + n.channel() + " yet; link products by hand under Listings.");
        } else if (outcome instanceof Matching.MatchOutcome.ChannelUnavailable u) {
            throw new IllegalArgumentException("The channel could not be read: " + u.reason() + ". Check the account's URL and credentials.");
        }
        return "redirect:/accounts";
    }

    /** Sandbox accounts: the sandbox gets an offer (stale values) for each store product it lacks, ready to match. */
    @PostMapping("/accounts/{id}/sandbox-offers")
    String sandboxOffers(SignedIn user, @PathVariable long id, RedirectAttributes redirect) {
        ChannelAccount account = accounts.find(user.workspace(), id)
                .orElseThrow(() -> new IllegalArgumentException("There is no channel account " + id + " in this workspace."));
        if (!account.sandbox()) {
            throw new IllegalArgumentException("'" + account.name() + "' is a real channel account; only sandbox accounts get offers from here.");
        }
        List<String> skus = products.page(user.workspace(), null, null, SANDBOX_OFFERS).stream().map(Product::sku).toList();
        int created = sandboxOffers.offersFor(account, skus);
        redirect.addFlashAttribute("notice", "The sandbox of '" + account.name() + "' got " + created + " new offers (price 1.00, quantity 0)"
                + " for store products; press \"Match offers\" to link them.");
        return "redirect:/accounts";
    }

    @GetMapping("/accounts")
    String list(SignedIn user, Model model) {
        model.addAttribute("accounts", accounts.all(user.workspace()).stream()
                .sorted(Comparator.comparing(ChannelAccount::channel).thenComparing(ChannelAccount::name)).toList());
        model.addAttribute("channels", Channel.values());
        return "console/accounts";
    }

    @PostMapping("/accounts")
    String add(SignedIn user, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect, Model model) {
        Channel channel = Channel.parse(params.getFirst("channel"))
                .orElseThrow(() -> new IllegalArgumentException("Choose the account's channel."));
        Map<String, String> credentials = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            String key = Forms.text(params.getFirst("credentialKey" + i));
            String value = params.getFirst("credentialValue" + i);
            if (key != null) {
                credentials.put(key, value == null ? "" : value);
            } else if (Forms.text(value) != null) {
                throw new IllegalArgumentException("Credential " + i + " has a value but no name (e.g. clientId, refreshToken).");
            }
        }
        ChannelAccount account = accounts.register(user.workspace(), new NewChannelAccount(channel, params.getFirst("name"),
                Forms.text(params.getFirst("region")), Forms.text(params.getFirst("currency")),
                params.getFirst("createStoreOrders") != null, Forms.text(params.getFirst("baseUrl")), credentials, false));
        redirect.addFlashAttribute("notice", "Added account '" + account.name() + "' on " + channel.displayName()
                + ". Its credentials are stored encrypted and are never shown again.");
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{id}/store-orders")
    String storeOrders(SignedIn user, @PathVariable long id, @RequestParam boolean on, RedirectAttributes redirect) {
        ChannelAccount account = accounts.change(user.workspace(), id, new AccountChanges(null, null, null, on, null, null, null))
                .orElseThrow(() -> new IllegalArgumentException("There is no channel account " + id + " in this workspace."));
        redirect.addFlashAttribute("notice", on
                ? "Orders from '" + account.name() + "' create store orders again, so store stock follows sales there."
                : "Orders from '" + account.name() + "' no longer create store orders: store stock will NOT drop when you sell there,"
                        + " and other channels may oversell.");
        return "redirect:/accounts";
    }
}
