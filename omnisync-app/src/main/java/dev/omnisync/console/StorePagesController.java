package dev.omnisync.console;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.Products;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The store's products (read-only, keyset-paged by SKU) and the orders page. */
@Controller
class StorePagesController {

    static final int PAGE_SIZE = 50;

    private final Products products;

    StorePagesController(Products products) {
        this.products = products;
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

    @GetMapping("/orders")
    String orders(Model model) {
        return "console/orders";
    }
}
