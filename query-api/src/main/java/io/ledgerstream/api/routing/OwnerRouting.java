package io.ledgerstream.api.routing;

import io.javalin.http.Context;

/**
 * Decides whether a read about a user is answered here or by the instance that owns the user's
 * partition, and in the second case relays the owner's answer.
 */
public interface OwnerRouting {

    /** Marks a request one instance forwarded to another, so it is never forwarded again. */
    String FORWARDED_HEADER = "X-Ledgerstream-Forwarded";

    /**
     * @return true if the request was answered by another instance (the response is already set),
     *         false if this instance should answer it from its own stores
     * @throws io.ledgerstream.api.query.StateNotQueryableException if no instance can answer now
     */
    boolean answeredElsewhere(Context ctx, String storeName, String userId);

    /** A single instance, or one without {@code application.server}: always answers locally. */
    static OwnerRouting localOnly() {
        return (ctx, storeName, userId) -> false;
    }
}
