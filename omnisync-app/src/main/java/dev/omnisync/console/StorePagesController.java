package dev.omnisync.console;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.Products;
import dev.omnisync.order.ChannelOrders;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The store's products (read-only, keyset-paged by SKU) and the imported channel orders. */
@Controller
class StorePagesController {

    static final int PAGE_SIZE = 50;

    static final int ORDERS_SHOWN = 100;

    private final Products products;
    private final ChannelOrders orders;
    private final ListingRows rows;

    StorePagesController(Products products, ChannelOrders orders, ListingRows rows) {
        this.products = products;
        this.orders = orders;
        this.rows = rows;
    }

    @GetMapping("/products")
    String products(SignedIn user, @RequestParam(required = false) String prefix, @RequestParam(required = false) String after,
            Model model) {
        List<Product> page = products.page(user.workspace(), Forms.text(prefix), Forms.text(after), PAGE_SIZE);
        model.addAttribute("products", page);
        model.addAttribute("prefix", Forms.text(prefix));
        model.addAttribute("nextAfter", page.size() == PAGE_SIZE ? page.get(page.size() - 1).sku() : null);
        return "console/products";
    }

    /** Imported channel orders, newest first, optionally of one account. */
    @GetMapping("/orders")
    String orders(SignedIn user, @RequestParam(required = false) String accountId, Model model) {
        Long account = Forms.id("Account", accountId);
        model.addAttribute("orders", orders.list(user.workspace(), account, null, ORDERS_SHOWN));
        model.addAttribute("accounts", rows.accounts(user.workspace()).values());
        model.addAttribute("accountNames", rows.accountNames(user.workspace()));
        model.addAttribute("accountId", account);
        model.addAttribute("shown", ORDERS_SHOWN);
        return "console/orders";
    }
}
