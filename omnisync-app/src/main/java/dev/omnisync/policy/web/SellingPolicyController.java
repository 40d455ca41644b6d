package dev.omnisync.policy.web;

import dev.omnisync.channel.Channel;
import dev.omnisync.policy.PolicyOutcome;
import dev.omnisync.policy.PolicyPreview;
import dev.omnisync.policy.PriceModifier;
import dev.omnisync.policy.PriceRule;
import dev.omnisync.policy.PriceSource;
import dev.omnisync.policy.QuantityRule;
import dev.omnisync.policy.QuantitySource;
import dev.omnisync.policy.Rounding;
import dev.omnisync.policy.SellingPolicies;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.workspace.WorkspaceId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Selling Policies: how the price and quantity sent to a channel are computed. */
@RestController
@RequestMapping("/api/selling-policies")
class SellingPolicyController {

    private static final String KIND = "selling policy";

    private final SellingPolicies policies;

    SellingPolicyController(SellingPolicies policies) {
        this.policies = policies;
    }

    /** Parts left out take the identity's settings (store price and available stock, unchanged). */
    @PostMapping
    ResponseEntity<SellingPolicyView> create(WorkspaceId workspace, @RequestBody SellingPolicyBody body) {
        Channel channel = PolicyRequests.channel(body.channel());
        SellingPolicy draft = new SellingPolicy(0, channel, body.name(), priceRule(body.price(), PriceRule.IDENTITY),
                quantityRule(body.quantity(), QuantityRule.IDENTITY), false, 1);
        var outcome = policies.create(workspace, draft);
        if (outcome instanceof PolicyOutcome.Saved<SellingPolicy> saved) {
            return ResponseEntity.status(HttpStatus.CREATED).body(SellingPolicyView.of(saved.policy(), 0));
        }
        throw PolicyRequests.problem(outcome, KIND);
    }

    @GetMapping
    List<SellingPolicyView> list(WorkspaceId workspace, @RequestParam(required = false) String channel) {
        List<SellingPolicy> all = policies.all(workspace, PolicyRequests.optionalChannel(channel));
        Map<Long, Long> usage = policies.usage(workspace, all.stream().map(SellingPolicy::id).toList());
        return all.stream().map(p -> SellingPolicyView.of(p, usage.getOrDefault(p.id(), 0L))).toList();
    }

    @GetMapping("/{id}")
    SellingPolicyView get(WorkspaceId workspace, @PathVariable long id) {
        SellingPolicy policy = policies.find(workspace, id)
                .orElseThrow(() -> PolicyRequests.problem(new PolicyOutcome.NotFound<>(id), KIND));
        return SellingPolicyView.of(policy, policies.usage(workspace, List.of(id)).getOrDefault(id, 0L));
    }

    @PostMapping("/{id}/preview")
    PolicyPreview preview(WorkspaceId workspace, @PathVariable long id, @RequestBody SellingPolicyBody body) {
        return policies.preview(workspace, edited(workspace, id, body))
                .orElseThrow(() -> PolicyRequests.problem(new PolicyOutcome.NotFound<>(id), KIND));
    }

    @PutMapping("/{id}")
    SellingPolicyView edit(WorkspaceId workspace, @PathVariable long id, @RequestBody SellingPolicyBody body,
            @RequestParam(defaultValue = "false") boolean confirm) {
        var outcome = policies.edit(workspace, edited(workspace, id, body), confirm);
        if (outcome instanceof PolicyOutcome.Saved<SellingPolicy> saved) {
            return SellingPolicyView.of(saved.policy(), policies.usage(workspace, List.of(id)).getOrDefault(id, 0L));
        }
        throw PolicyRequests.problem(outcome, KIND);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(WorkspaceId workspace, @PathVariable long id) {
        var outcome = policies.remove(workspace, id);
        if (outcome instanceof PolicyOutcome.Removed<SellingPolicy>) {
            return ResponseEntity.noContent().build();
        }
        throw PolicyRequests.problem(outcome, KIND);
    }

    /** An edit that leaves out {@code price} or {@code quantity} keeps that part as it is. */
    private SellingPolicy edited(WorkspaceId workspace, long id, SellingPolicyBody body) {
        SellingPolicy current = policies.find(workspace, id)
                .orElseThrow(() -> PolicyRequests.problem(new PolicyOutcome.NotFound<>(id), KIND));
        Channel channel = body.channel() == null ? current.channel() : PolicyRequests.channel(body.channel());
        return new SellingPolicy(id, channel, body.name() == null ? current.name() : body.name(),
                body.price() == null ? current.price() : priceRule(body.price(), PriceRule.IDENTITY),
                body.quantity() == null ? current.quantity() : quantityRule(body.quantity(), QuantityRule.IDENTITY),
                current.isDefault(), current.version());
    }

    private static PriceRule priceRule(PriceBody body, PriceRule defaults) {
        if (body == null) {
            return defaults;
        }
        List<PriceModifier> modifiers = new ArrayList<>();
        if (body.modifiers() != null) {
            for (int i = 0; i < body.modifiers().size(); i++) {
                ModifierBody m = body.modifiers().get(i);
                if (m == null) {
                    throw new IllegalArgumentException("price.modifiers[" + i + "] is empty; give {kind: PERCENT|FIXED, value}.");
                }
                modifiers.add(new PriceModifier(m.kind(), m.value()));
            }
        }
        return new PriceRule(body.source() == null ? defaults.source() : body.source(), modifiers,
                body.rounding() == null ? defaults.rounding() : body.rounding(),
                body.currencyRate() == null ? defaults.currencyRate() : body.currencyRate(),
                body.vatPercent() == null ? defaults.vatPercent() : body.vatPercent());
    }

    private static QuantityRule quantityRule(QuantityBody body, QuantityRule defaults) {
        if (body == null) {
            return defaults;
        }
        return new QuantityRule(body.source() == null ? defaults.source() : body.source(), body.fixedValue(),
                body.percentage() == null ? defaults.percentage() : body.percentage(), body.minPosted(), body.maxPosted(),
                body.buffer() == null ? defaults.buffer() : body.buffer());
    }

    record SellingPolicyBody(String name, String channel, PriceBody price, QuantityBody quantity) {
    }

    record PriceBody(PriceSource source, List<ModifierBody> modifiers, Rounding rounding, BigDecimal currencyRate,
            BigDecimal vatPercent) {
    }

    record ModifierBody(PriceModifier.Kind kind, BigDecimal value) {
    }

    record QuantityBody(QuantitySource source, Integer fixedValue, Integer percentage, Integer minPosted, Integer maxPosted,
            Integer buffer) {
    }

    record SellingPolicyView(String id, String name, String channel, String channelName, PriceRule price, QuantityRule quantity,
            boolean isDefault, long version, long listings) {

        static SellingPolicyView of(SellingPolicy p, long listings) {
            return new SellingPolicyView(Long.toString(p.id()), p.name(), p.channel().name(), p.channel().displayName(),
                    p.price(), p.quantity(), p.isDefault(), p.version(), listings);
        }
    }
}
