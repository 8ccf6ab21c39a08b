package io.ledgerstream.api.query;

import io.ledgerstream.schemas.avro.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the {@code limit} newest alerts of a stream of them. The alert store is keyed by alert id, not
 * by time, so the order has to be made here: newest {@code createdAt} first, alert id breaking ties so
 * the answer is the same on every call.
 */
public final class NewestAlerts {

    /** Newest first. */
    public static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::getCreatedAt).reversed()
            .thenComparing(Alert::getAlertId);

    private NewestAlerts() {
    }

    public static List<Alert> of(Iterator<Alert> alerts, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        // a heap of the newest seen so far, its oldest on top, so memory stays at `limit`
        PriorityQueue<Alert> newest = new PriorityQueue<>(NEWEST_FIRST.reversed());
        while (alerts.hasNext()) {
            newest.add(alerts.next());
            if (newest.size() > limit) {
                newest.poll();
            }
        }
        List<Alert> sorted = new ArrayList<>(newest);
        sorted.sort(NEWEST_FIRST);
        return sorted;
    }
}
