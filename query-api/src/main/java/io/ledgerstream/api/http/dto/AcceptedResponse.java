package io.ledgerstream.api.http.dto;

/** Answer of an accepted command: it is on the topic and will be applied to later transactions. */
public record AcceptedResponse(String status, String userId, String kind) {

    public static AcceptedResponse of(String userId, String kind) {
        return new AcceptedResponse("ACCEPTED", userId, kind);
    }
}
