package dev.omnisync.policy;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named, per-channel choice of the fields that flow from the store to the channel. Every listing has
 * exactly one. Only fields the channel offers can be enabled.
 *
 * @param id        the stored policy's id (0 for a draft not yet stored)
 * @param fields    the enabled toggles, each offered by {@code channel}
 * @param isDefault whether this is the channel's default policy (price and quantity), created on first use
 */
public record SynchronizationPolicy(long id, Channel channel, String name, Set<FieldKey> fields, boolean isDefault,
        long version) {

    /** Price and quantity: what a policy enables when no fields are named. */
    public static final Set<FieldKey> RECOMMENDED = Collections.unmodifiableSet(EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY));

    public SynchronizationPolicy {
        if (channel == null) {
            throw new IllegalArgumentException("A synchronization policy needs a channel: " + Channel.allNames() + ".");
        }
        name = PolicyNames.check(name);
        fields = fields == null ? RECOMMENDED : Collections.unmodifiableSet(fields.isEmpty() ? EnumSet.noneOf(FieldKey.class) : EnumSet.copyOf(fields));
        List<FieldKey> refused = fields.stream().filter(f -> !channel.offers(f)).toList();
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(notOffered(channel, refused));
        }
    }

    /** A channel's default policy: price and quantity. */
    public static SynchronizationPolicy channelDefault(Channel channel) {
        return new SynchronizationPolicy(0, channel, PolicyNames.defaultName(channel), RECOMMENDED, true, 1);
    }

    /** The name a channel's default policies get, e.g. "eBay default". */
    public static String defaultName(Channel channel) {
        return PolicyNames.defaultName(channel);
    }

    /**
     * A draft from what a person typed: field keys as strings, null for "price and quantity". Unknown keys
     * and keys the channel does not offer are refused with a message naming them and the channel.
     */
    public static SynchronizationPolicy draft(Channel channel, String name, Collection<String> fieldKeys) {
        return new SynchronizationPolicy(0, channel, name, parseFields(channel, fieldKeys), false, 1);
    }

    /** Parses field keys for a channel; null means price and quantity. */
    public static Set<FieldKey> parseFields(Channel channel, Collection<String> keys) {
        if (keys == null) {
            return RECOMMENDED;
        }
        Set<FieldKey> parsed = EnumSet.noneOf(FieldKey.class);
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            FieldKey field = key == null ? null : Arrays.stream(FieldKey.values())
                    .filter(f -> f.name().equalsIgnoreCase(key.strip())).findFirst().orElse(null);
            if (field == null) {
                unknown.add(String.valueOf(key));
            } else {
                parsed.add(field);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown field key " + String.join(", ", unknown) + "; "
                    + (channel == null ? "field keys are " + Arrays.stream(FieldKey.values()).map(Enum::name).collect(Collectors.joining(", "))
                            : channel.displayName() + " offers " + offered(channel)) + ".");
        }
        return parsed;
    }

    /** Whether this policy lets the field flow. */
    public boolean enables(FieldKey field) {
        return fields.contains(field);
    }

    /** The same policy with another name and fields (an edit keeps id, channel and default mark). */
    public SynchronizationPolicy edited(String newName, Set<FieldKey> newFields) {
        return new SynchronizationPolicy(id, channel, newName, newFields, isDefault, version);
    }

    static String notOffered(Channel channel, Collection<FieldKey> refused) {
        return channel.displayName() + " does not offer "
                + refused.stream().map(Enum::name).collect(Collectors.joining(", ")) + "; it offers " + offered(channel);
    }

    private static String offered(Channel channel) {
        return Arrays.stream(FieldKey.values()).filter(channel::offers).map(f -> f.name().toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
