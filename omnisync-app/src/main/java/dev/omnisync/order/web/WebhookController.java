package dev.omnisync.order.web;

import dev.omnisync.order.NotificationOutcome;
import dev.omnisync.order.OrderImport;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{channel}/{accountId}}: a channel's notification in its own format. No bearer token: the
 * channel's signature (checked by its connector) authenticates it. eBay expects 204 for a notification taken and
 * 412 for a bad signature; other channels get 200 and 401.
 */
@RestController
class WebhookController {

    private final OrderImport orders;

    WebhookController(OrderImport orders) {
        this.orders = orders;
    }

    @PostMapping("/webhooks/{channel}/{accountId}")
    ResponseEntity<String> receive(@PathVariable String channel, @PathVariable String accountId, HttpServletRequest request,
            @RequestBody(required = false) byte[] body) {
        long id;
        try {
            id = Long.parseLong(accountId);
        } catch (NumberFormatException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("no account '" + accountId + "'");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        boolean ebay = channel.equalsIgnoreCase("ebay");
        NotificationOutcome outcome = orders.notified(channel, id, headers, body == null ? new byte[0] : body);
        if (outcome instanceof NotificationOutcome.Imported) {
            return ResponseEntity.status(ebay ? HttpStatus.NO_CONTENT : HttpStatus.OK).build();
        }
        if (outcome instanceof NotificationOutcome.Refused refused) {
            return ResponseEntity.status(ebay ? HttpStatus.PRECONDITION_FAILED : HttpStatus.UNAUTHORIZED).body(refused.reason());
        }
        if (outcome instanceof NotificationOutcome.Unknown unknown) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(unknown.detail());
        }
        NotificationOutcome.Unavailable unavailable = (NotificationOutcome.Unavailable) outcome;
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(Math.max(1, unavailable.retryAfter() == null ? 5 : unavailable.retryAfter().toSeconds())))
                .body("could not read the order now; deliver again");
    }
}
