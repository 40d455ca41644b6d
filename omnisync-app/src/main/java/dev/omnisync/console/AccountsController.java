package dev.omnisync.console;

import dev.omnisync.channel.AccountChanges;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.NewChannelAccount;
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

    private final ChannelAccounts accounts;

    AccountsController(ChannelAccounts accounts) {
        this.accounts = accounts;
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
