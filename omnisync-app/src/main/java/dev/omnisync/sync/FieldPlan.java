package dev.omnisync.sync;

import dev.omnisync.channel.FieldKey;
import java.util.List;

/**
 * The planner's verdict on one field of one listing.
 *
 * @param verdict SEND (differs from online and passes every gate), SKIP (a gate holds it back; reasons say
 *                which) or UP_TO_DATE (the channel already has it)
 */
public record FieldPlan(FieldKey field, Verdict verdict, DesiredValue desired, String online, List<String> reasons) {

    public FieldPlan {
        reasons = List.copyOf(reasons);
    }

    public enum Verdict { SEND, SKIP, UP_TO_DATE }
}
