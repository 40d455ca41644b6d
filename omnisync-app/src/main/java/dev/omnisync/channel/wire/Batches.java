package dev.omnisync.channel.wire;

import java.util.ArrayList;
import java.util.List;

/** Cutting a list of items into the channel's batch size (views of the list, in order). */
public final class Batches {

    private Batches() {
    }

    /** Consecutive parts of at most {@code size} elements; none for an empty list. */
    public static <T> List<List<T>> of(List<T> list, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            parts.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return parts;
    }
}
