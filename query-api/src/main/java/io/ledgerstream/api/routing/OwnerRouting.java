package io.ledgerstream.api.routing;

import io.javalin.http.Context;
import io.ledgerstream.api.query.UserStateReader;

/**
 * Decides whether a read about a user is answered here or by the instance that owns the user's
 * partition, and in the second case relays the owner's answer.
 */
public interface OwnerRouting extends AutoCloseable {

    /** Marks a request one instance forwarded to another, so it is never forwarded again. */
    String FORWARDED_HEADER = "X-Ledgerstream-Forwarded";
    /** Marks an answer read from a standby, which may be behind the active task. */
    String STALE_HEADER = "X-Ledgerstream-Stale";
    /** The query parameter by which a caller accepts an answer from a standby. */
    String ALLOW_STALE = "allowStale";

    /** Whether the caller accepts an answer from a standby ({@code allowStale=true}). */
    static boolean staleAllowed(Context ctx) {
        return "true".equalsIgnoreCase(ctx.queryParam(ALLOW_STALE));
    }

    /** Whether this request is being answered from a standby here (not to be cached, for one). */
    static boolean answeredStale(Context ctx) {
        return "true".equals(ctx.res().getHeader(STALE_HEADER));
    }

    /**
     * The reader to answer this request here with: one that also reads a standby's copy where the
     * routing decided to answer stale, else one that reads only an up-to-date active task.
     */
    static UserStateReader localReader(Context ctx, UserStateReader reader) {
        return answeredStale(ctx) ? reader.includingStandbys() : reader;
    }

    /**
     * @return true if the request was answered by another instance (the response is already set),
     *         false if this instance should answer it from its own stores
     * @throws io.ledgerstream.api.query.StateNotQueryableException if no instance can answer now
     */
    boolean answeredElsewhere(Context ctx, String storeName, String userId);

    /**
     * Whether this instance holds the active task of the user's partition of {@code storeName}, as
     * far as it can tell now (false while it cannot: rebalancing, starting).
     */
    default boolean activeHere(String storeName, String userId) {
        return false;
    }

    /**
     * Whether this request was forwarded here by another instance (its limits were counted there).
     * A single instance is never forwarded to.
     */
    default boolean forwardedByPeer(Context ctx) {
        return false;
    }

    /** A single instance, or one without {@code application.server}: always answers locally. */
    static OwnerRouting localOnly() {
        return new OwnerRouting() {
            @Override
            public boolean answeredElsewhere(Context ctx, String storeName, String userId) {
                return false;
            }

            @Override
            public boolean activeHere(String storeName, String userId) {
                return true;
            }
        };
    }

    /** Lets go of what forwarding holds (connections kept to other instances). */
    @Override
    default void close() {
    }
}
