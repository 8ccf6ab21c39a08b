package io.ledgerstream.api.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Answer of {@code /health} ({@code {"status":"UP"}}) and {@code /ready} (with the Streams state). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusResponse(String status, String streamsState) {
}
