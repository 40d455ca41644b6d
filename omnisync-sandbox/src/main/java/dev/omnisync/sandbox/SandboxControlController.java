package dev.omnisync.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The control API of API.md, the same for every sandbox: {@code /sandbox/{ch}/_control/...}. */
@RestController
@RequestMapping("/sandbox/{ch}/_control")
@SandboxEnabled
class SandboxControlController {

    private final List<SandboxMarketplace> marketplaces;

    SandboxControlController(List<SandboxMarketplace> marketplaces) {
        this.marketplaces = marketplaces;
    }

    private SandboxMarketplace of(String ch) {
        return marketplaces.stream().filter(m -> m.slug().equals(ch)).findFirst()
                .orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "NO_SANDBOX",
                        "no sandbox '" + ch + "'; known: " + marketplaces.stream().map(SandboxMarketplace::slug).toList()));
    }

    @GetMapping("/offers/{sku}")
    ResponseEntity<String> offer(@PathVariable String ch, @PathVariable String sku) {
        SandboxMarketplace m = of(ch);
        return m.offers().change(() -> m.offers().find(sku)
                .map(o -> SandboxJson.respond(200, o.toJson()))
                .orElseGet(() -> SandboxJson.respond(404, SandboxJson.object().put("error", "no offer with sku '" + sku + "'"))));
    }

    @GetMapping("/offers")
    ResponseEntity<String> offers(@PathVariable String ch) {
        SandboxMarketplace m = of(ch);
        ArrayNode out = SandboxJson.array();
        m.offers().change(() -> {
            m.offers().all().forEach(o -> out.add(o.toJson()));
            return null;
        });
        return SandboxJson.respond(200, out);
    }

    @PostMapping("/offers")
    ResponseEntity<String> seed(@PathVariable String ch, @RequestBody byte[] body) {
        SandboxMarketplace m = of(ch);
        JsonNode items = SandboxJson.parse(body);
        if (!items.isArray()) {
            throw new IllegalArgumentException("send a JSON array of offers [{sku, ean?, price, quantity, title?, ...}]");
        }
        ArrayNode out = SandboxJson.array();
        for (JsonNode item : items) {
            SandboxOffer o = m.seed(item);
            m.offers().change(() -> out.add(o.toJson()));
        }
        return SandboxJson.respond(201, out);
    }

    @PostMapping("/orders")
    ResponseEntity<String> order(@PathVariable String ch, @RequestBody byte[] body) {
        SandboxMarketplace m = of(ch);
        JsonNode req = SandboxJson.parse(body);
        List<SandboxOrder.Line> lines = new ArrayList<>();
        for (JsonNode l : req.path("lines")) {
            if (!l.path("quantity").isIntegralNumber() || !l.path("sku").isString()) {
                throw new IllegalArgumentException("each line needs 'sku' (string) and 'quantity' (integer)");
            }
            lines.add(new SandboxOrder.Line(null, l.get("sku").asString(), l.get("quantity").intValue()));
        }
        SandboxOrder order = m.createOrder(req.path("orderId").asString(null), lines);
        return SandboxJson.respond(201, describe(order));
    }

    @PostMapping("/orders/{orderId}/cancel")
    ResponseEntity<String> cancel(@PathVariable String ch, @PathVariable String orderId) {
        return SandboxJson.respond(200, describe(of(ch).cancelOrder(orderId)));
    }

    @PostMapping("/faults")
    ResponseEntity<String> fault(@PathVariable String ch, @RequestBody byte[] body) {
        SandboxMarketplace m = of(ch);
        JsonNode req = SandboxJson.parse(body);
        Fault.Type type;
        try {
            type = Fault.Type.valueOf(req.path("type").asString(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'type' must be one of " + List.of(Fault.Type.values()));
        }
        int count = req.has("count") ? req.get("count").asInt() : 1;
        if (count < 1) {
            throw new IllegalArgumentException("'count' must be >= 1");
        }
        m.faults().add(new Fault(type, count, req.path("sku").asString(null),
                req.has("millis") ? req.get("millis").asLong() : null));
        return SandboxJson.respond(201, req);
    }

    @PostMapping("/price-change")
    ResponseEntity<String> priceChange(@PathVariable String ch, @RequestBody byte[] body) {
        SandboxMarketplace m = of(ch);
        JsonNode req = SandboxJson.parse(body);
        if (!req.path("sku").isString() || req.path("price").isMissingNode()) {
            throw new IllegalArgumentException("send {sku, price}");
        }
        SandboxOffer o = m.priceChange(req.get("sku").asString(), new BigDecimal(req.get("price").asString()));
        return SandboxJson.respond(200, m.offers().change(o::toJson));
    }

    @GetMapping("/stats")
    ResponseEntity<String> stats(@PathVariable String ch) {
        return SandboxJson.respond(200, of(ch).stats().toJson());
    }

    @PostMapping("/reset")
    ResponseEntity<String> reset(@PathVariable String ch) {
        of(ch).reset();
        return SandboxJson.respond(204, null);
    }

    @GetMapping("/credentials")
    ResponseEntity<String> credentials(@PathVariable String ch) {
        ObjectNode out = SandboxJson.object();
        of(ch).credentials().forEach(out::put);
        return SandboxJson.respond(200, out);
    }

    /** Subscribes a webhook URL directly (for channels whose real push goes elsewhere, e.g. Amazon's SQS). */
    @PostMapping("/subscription")
    ResponseEntity<String> subscribe(@PathVariable String ch, @RequestBody byte[] body) {
        JsonNode req = SandboxJson.parse(body);
        if (!req.path("url").isString()) {
            throw new IllegalArgumentException("send {url}");
        }
        of(ch).subscribe(req.get("url").asString());
        return SandboxJson.respond(200, req);
    }

    @GetMapping("/notifications")
    ResponseEntity<String> notifications(@PathVariable String ch) {
        SandboxMarketplace m = of(ch);
        ArrayNode out = SandboxJson.array();
        m.notifications().deliveries(ch).forEach(out::add);
        return SandboxJson.respond(200, out);
    }

    /** Expires every access token the channel issued, so the next call meets the channel's expired-token answer. */
    @PostMapping("/tokens/expire")
    ResponseEntity<String> expireTokens(@PathVariable String ch) {
        of(ch).expireTokens();
        return SandboxJson.respond(204, null);
    }

    private static ObjectNode describe(SandboxOrder order) {
        ObjectNode n = SandboxJson.object();
        n.put("orderId", order.orderId);
        n.put("status", order.status.name());
        n.put("created", order.created.toString());
        ArrayNode lines = n.putArray("lines");
        order.lines.forEach(l -> lines.addObject().put("lineId", l.lineId()).put("sku", l.sku()).put("quantity", l.quantity()));
        return n;
    }
}
