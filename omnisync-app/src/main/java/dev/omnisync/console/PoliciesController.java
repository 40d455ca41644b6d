package dev.omnisync.console;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.Products;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.listing.Listing;
import dev.omnisync.listing.ListingFilter;
import dev.omnisync.listing.Listings;
import dev.omnisync.policy.Calculated;
import dev.omnisync.policy.PolicyOutcome;
import dev.omnisync.policy.PolicyPreview;
import dev.omnisync.policy.PriceInputs;
import dev.omnisync.policy.PriceModifier;
import dev.omnisync.policy.PriceRule;
import dev.omnisync.policy.PriceSource;
import dev.omnisync.policy.QuantityRule;
import dev.omnisync.policy.QuantitySource;
import dev.omnisync.policy.Rounding;
import dev.omnisync.policy.SellingPolicies;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.StockInputs;
import dev.omnisync.policy.SyncPolicies;
import dev.omnisync.policy.SynchronizationPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Policies: the per-channel Synchronization Policy editor and the Selling Policy editor, both with confirmation. */
@Controller
class PoliciesController {

    private static final int SAMPLE_SIZE = 5;

    private final SyncPolicies syncPolicies;
    private final SellingPolicies sellingPolicies;
    private final Listings listings;
    private final Products products;

    PoliciesController(SyncPolicies syncPolicies, SellingPolicies sellingPolicies, Listings listings, Products products) {
        this.syncPolicies = syncPolicies;
        this.sellingPolicies = sellingPolicies;
        this.listings = listings;
        this.products = products;
    }

    @GetMapping("/policies")
    String list(SignedIn user, Model model) {
        List<SynchronizationPolicy> sync = syncPolicies.all(user.workspace(), Optional.empty());
        List<SellingPolicy> selling = sellingPolicies.all(user.workspace(), Optional.empty());
        model.addAttribute("syncPolicies", sync);
        model.addAttribute("sellingPolicies", selling);
        model.addAttribute("syncUsage", syncPolicies.usage(user.workspace(), sync.stream().map(SynchronizationPolicy::id).toList()));
        model.addAttribute("sellingUsage", sellingPolicies.usage(user.workspace(), selling.stream().map(SellingPolicy::id).toList()));
        model.addAttribute("channels", Channel.values());
        return "console/policies";
    }

    // ---- synchronization policies ----

    @GetMapping("/policies/sync/new")
    String newSync(@RequestParam(required = false) String channel, Model model) {
        Channel ch = Channel.parse(channel).orElseThrow(() -> new IllegalArgumentException(
                "Choose a channel for the new policy: " + Channel.allNames() + "."));
        model.addAttribute("policy", null);
        model.addAttribute("channel", ch);
        model.addAttribute("enabled", SynchronizationPolicy.RECOMMENDED);
        model.addAttribute("usage", 0L);
        return "console/sync-policy";
    }

    @GetMapping("/policies/sync/{id}")
    String editSync(SignedIn user, @PathVariable long id, Model model) {
        SynchronizationPolicy policy = syncPolicies.find(user.workspace(), id)
                .orElseThrow(() -> new ConsoleRefusals.PageNotFound("There is no synchronization policy " + id + " in this workspace."));
        model.addAttribute("policy", policy);
        model.addAttribute("channel", policy.channel());
        model.addAttribute("enabled", policy.fields());
        model.addAttribute("usage", syncPolicies.usage(user.workspace(), List.of(id)).getOrDefault(id, 0L));
        return "console/sync-policy";
    }

    /** Creates, or edits (a policy in use answers the confirmation first; nothing changes until confirmed). */
    @PostMapping("/policies/sync/save")
    String saveSync(SignedIn user, @RequestParam MultiValueMap<String, String> params, Model model) {
        Channel channel = Channel.parse(params.getFirst("channel"))
                .orElseThrow(() -> new IllegalArgumentException("The policy's channel is missing; open the editor from Policies."));
        List<String> fields = params.getOrDefault("fields", List.of());
        Long id = Forms.id("id", params.getFirst("id"));
        boolean confirmed = "true".equals(params.getFirst("confirm"));
        PolicyOutcome<SynchronizationPolicy> outcome;
        if (id == null) {
            outcome = syncPolicies.create(user.workspace(), SynchronizationPolicy.draft(channel, params.getFirst("name"), fields));
        } else {
            SynchronizationPolicy current = syncPolicies.find(user.workspace(), id)
                    .orElseThrow(() -> new IllegalArgumentException("There is no synchronization policy " + id + " in this workspace."));
            SynchronizationPolicy edited = current.edited(params.getFirst("name"), SynchronizationPolicy.parseFields(channel, fields));
            outcome = syncPolicies.edit(user.workspace(), edited, confirmed);
            if (outcome instanceof PolicyOutcome.NeedsConfirmation<SynchronizationPolicy> confirmation) {
                model.addAttribute("preview", confirmation.preview());
                model.addAttribute("samples", syncSamples(user, current, edited, confirmation.preview()));
                model.addAttribute("carry", Forms.carry(params, "confirm"));
                model.addAttribute("action", "/policies/sync/save");
                model.addAttribute("policyName", current.name());
                return "console/fragments :: policyConfirm";
            }
        }
        return saved(outcome, "synchronization", model);
    }

    private List<PolicySample> syncSamples(SignedIn user, SynchronizationPolicy before, SynchronizationPolicy after, PolicyPreview preview) {
        List<PolicySample> engine = fromPreview(preview);
        if (!engine.isEmpty()) {
            return engine;
        }
        List<Listing> picked = listings.search(user.workspace(), new ListingFilter(null, null, null, null, before.id(), null), 0, SAMPLE_SIZE);
        Map<String, Product> bySku = products.findAll(user.workspace(), picked.stream().map(Listing::sku).toList());
        List<PolicySample> samples = new ArrayList<>();
        for (Listing l : picked) {
            Product p = bySku.get(l.sku());
            for (FieldKey f : FieldKey.values()) {
                boolean was = before.enables(f);
                boolean will = after.enables(f);
                if (was != will) {
                    String value = p == null ? "?" : FieldValues.shown(f, p);
                    samples.add(new PolicySample(l.id(), l.sku(), f.name(), was ? value + " (sent)" : "not sent",
                            will ? value + " (will be sent)" : "not sent any more"));
                }
            }
        }
        return samples;
    }

    private static List<PolicySample> fromPreview(PolicyPreview preview) {
        List<PolicySample> samples = new ArrayList<>();
        for (PolicyPreview.FieldChange change : preview.changes()) {
            for (PolicyPreview.Sample s : change.sample()) {
                samples.add(new PolicySample(Long.parseLong(s.listingId()), s.sku(), change.field().name(), s.before(), s.after()));
            }
        }
        return samples;
    }

    record PolicySample(long listingId, String sku, String field, String before, String after) {
    }

    private static <P> String saved(PolicyOutcome<P> outcome, String kind, Model model) {
        if (outcome instanceof PolicyOutcome.Saved<P> saved) {
            Object policy = saved.policy();
            String name = policy instanceof SynchronizationPolicy s ? s.name() : ((SellingPolicy) policy).name();
            model.addAttribute("message", "Saved " + kind + " policy '" + name + "'. Listings that use it are planned again.");
            model.addAttribute("back", "/policies");
            return "console/fragments :: notice";
        }
        if (outcome instanceof PolicyOutcome.NameTaken<P> taken) {
            throw new IllegalArgumentException("Another " + taken.channel().displayName() + " " + kind + " policy is named '"
                    + taken.name() + "'; choose another name.");
        }
        if (outcome instanceof PolicyOutcome.NotFound<P> notFound) {
            throw new IllegalArgumentException("There is no " + kind + " policy " + notFound.policyId() + " in this workspace.");
        }
        throw new IllegalArgumentException("The policy was not saved: " + outcome);
    }

    // ---- selling policies ----

    @GetMapping("/policies/selling/new")
    String newSelling(@RequestParam(required = false) String channel, Model model) {
        Channel ch = Channel.parse(channel).orElseThrow(() -> new IllegalArgumentException(
                "Choose a channel for the new policy: " + Channel.allNames() + "."));
        model.addAttribute("policy", SellingPolicy.identity(ch, "New " + ch.displayName() + " selling policy"));
        model.addAttribute("isNew", true);
        model.addAttribute("usage", 0L);
        addSellingChoices(model);
        return "console/selling-policy";
    }

    @GetMapping("/policies/selling/{id}")
    String editSelling(SignedIn user, @PathVariable long id, Model model) {
        SellingPolicy policy = sellingPolicies.find(user.workspace(), id)
                .orElseThrow(() -> new ConsoleRefusals.PageNotFound("There is no selling policy " + id + " in this workspace."));
        model.addAttribute("policy", policy);
        model.addAttribute("isNew", false);
        model.addAttribute("usage", sellingPolicies.usage(user.workspace(), List.of(id)).getOrDefault(id, 0L));
        addSellingChoices(model);
        return "console/selling-policy";
    }

    private static void addSellingChoices(Model model) {
        model.addAttribute("priceSources", PriceSource.values());
        model.addAttribute("roundings", Rounding.values());
        model.addAttribute("quantitySources", QuantitySource.values());
        model.addAttribute("modifierKinds", PriceModifier.Kind.values());
    }

    @PostMapping("/policies/selling/save")
    String saveSelling(SignedIn user, @RequestParam MultiValueMap<String, String> params, Model model) {
        Channel channel = Channel.parse(params.getFirst("channel"))
                .orElseThrow(() -> new IllegalArgumentException("The policy's channel is missing; open the editor from Policies."));
        PriceRule price = priceRule(params);
        QuantityRule quantity = quantityRule(params);
        Long id = Forms.id("id", params.getFirst("id"));
        PolicyOutcome<SellingPolicy> outcome;
        if (id == null) {
            outcome = sellingPolicies.create(user.workspace(),
                    new SellingPolicy(0, channel, params.getFirst("name"), price, quantity, false, 1));
        } else {
            SellingPolicy current = sellingPolicies.find(user.workspace(), id)
                    .orElseThrow(() -> new IllegalArgumentException("There is no selling policy " + id + " in this workspace."));
            SellingPolicy edited = current.edited(params.getFirst("name"), price, quantity);
            outcome = sellingPolicies.edit(user.workspace(), edited, "true".equals(params.getFirst("confirm")));
            if (outcome instanceof PolicyOutcome.NeedsConfirmation<SellingPolicy> confirmation) {
                model.addAttribute("preview", confirmation.preview());
                model.addAttribute("samples", sellingSamples(user, current, edited, confirmation.preview()));
                model.addAttribute("carry", Forms.carry(params, "confirm"));
                model.addAttribute("action", "/policies/selling/save");
                model.addAttribute("policyName", current.name());
                return "console/fragments :: policyConfirm";
            }
        }
        return saved(outcome, "selling", model);
    }

    private List<PolicySample> sellingSamples(SignedIn user, SellingPolicy before, SellingPolicy after, PolicyPreview preview) {
        List<PolicySample> engine = fromPreview(preview);
        if (!engine.isEmpty()) {
            return engine;
        }
        List<Listing> picked = listings.search(user.workspace(), new ListingFilter(null, null, null, null, null, before.id()), 0, SAMPLE_SIZE);
        Map<String, Product> bySku = products.findAll(user.workspace(), picked.stream().map(Listing::sku).toList());
        List<PolicySample> samples = new ArrayList<>();
        for (Listing l : picked) {
            Product p = bySku.get(l.sku());
            if (p == null) {
                continue;
            }
            samples.add(new PolicySample(l.id(), l.sku(), "PRICE", ListingsController.price(before, p), ListingsController.price(after, p)));
            samples.add(new PolicySample(l.id(), l.sku(), "QUANTITY", ListingsController.quantity(before, p),
                    ListingsController.quantity(after, p)));
        }
        return samples;
    }

    /** The live example: the pure calculators run on the example's inputs, with their arithmetic written out. */
    @PostMapping("/policies/selling/example")
    String example(@RequestParam MultiValueMap<String, String> params, Model model) {
        try {
            PriceRule price = priceRule(params);
            QuantityRule quantity = quantityRule(params);
            BigDecimal examplePrice = Forms.decimal("Example price", params.getFirst("examplePrice"));
            int onHand = Optional.ofNullable(Forms.integer("Example on hand", params.getFirst("exampleOnHand"))).orElse(0);
            int reserved = Optional.ofNullable(Forms.integer("Example reserved", params.getFirst("exampleReserved"))).orElse(0);
            Calculated<BigDecimal> p = price.calculate(new PriceInputs(examplePrice,
                    Forms.decimal("Example sale price", params.getFirst("exampleSalePrice")),
                    Forms.decimal("Example MSRP", params.getFirst("exampleMsrp"))));
            Calculated<Integer> q = quantity.calculate(new StockInputs(onHand, reserved));
            model.addAttribute("price", p);
            model.addAttribute("quantity", q);
        } catch (IllegalArgumentException e) {
            model.addAttribute("message", e.getMessage());
        }
        return "console/fragments :: sellingExample";
    }

    static PriceRule priceRule(MultiValueMap<String, String> params) {
        List<PriceModifier> modifiers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            BigDecimal value = Forms.decimal("Modifier " + i, params.getFirst("mod" + i + "Value"));
            if (value != null) {
                modifiers.add(new PriceModifier(enumOf(PriceModifier.Kind.class, params.getFirst("mod" + i + "Kind"), "Modifier " + i + " kind"), value));
            }
        }
        BigDecimal rate = Forms.decimal("Currency rate", params.getFirst("currencyRate"));
        BigDecimal vat = Forms.decimal("VAT %", params.getFirst("vatPercent"));
        return new PriceRule(enumOf(PriceSource.class, params.getFirst("priceSource"), "Price source"), modifiers,
                enumOf(Rounding.class, params.getFirst("rounding"), "Rounding"), rate == null ? BigDecimal.ONE : rate,
                vat == null ? BigDecimal.ZERO : vat);
    }

    static QuantityRule quantityRule(MultiValueMap<String, String> params) {
        QuantitySource source = enumOf(QuantitySource.class, params.getFirst("quantitySource"), "Quantity source");
        Integer percentage = Forms.integer("Percentage", params.getFirst("percentage"));
        Integer buffer = Forms.integer("Safety buffer", params.getFirst("buffer"));
        return new QuantityRule(source, source == QuantitySource.FIXED ? Forms.integer("Fixed quantity", params.getFirst("fixedValue")) : null,
                percentage == null ? 100 : percentage, Forms.integer("Minimum posted", params.getFirst("minPosted")),
                Forms.integer("Maximum posted", params.getFirst("maxPosted")), buffer == null ? 0 : buffer);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String label) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Choose a value for '" + label + "': "
                + EnumSet.allOf(type).stream().map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }

    static Set<FieldKey> offered(Channel channel) {
        Set<FieldKey> keys = EnumSet.noneOf(FieldKey.class);
        channel.recommendedFields().forEach(f -> keys.add(f.key()));
        channel.optionalFields().forEach(f -> keys.add(f.key()));
        return keys;
    }
}
