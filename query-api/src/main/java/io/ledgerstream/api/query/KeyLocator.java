package io.ledgerstream.api.query;

/** Finds where a user's entries of a store live. */
public interface KeyLocator {

    /**
     * @throws StateNotQueryableException while Streams is not RUNNING or has no metadata for the key
     */
    KeyLocation locate(String storeName, String userId);
}
