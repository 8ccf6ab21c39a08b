package io.ledgerstream.api.http.dto;

import io.ledgerstream.api.http.error.BadRequestException;
import io.ledgerstream.schemas.avro.Category;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads a category name of a request: exactly one of the {@link Category} symbols. */
final class Categories {

    private static final String NAMES = Arrays.stream(Category.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private Categories() {
    }

    static Category parse(String name, String field) {
        if (name == null || name.isBlank()) {
            throw new BadRequestException(field + " is required (one of " + NAMES + ")");
        }
        try {
            return Category.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field + ": unknown category '" + name + "' (one of " + NAMES + ")");
        }
    }
}
