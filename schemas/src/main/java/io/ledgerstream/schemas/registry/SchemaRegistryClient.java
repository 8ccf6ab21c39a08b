package io.ledgerstream.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that Ledgerstream uses. Confluent's own client
 * is not on Maven Central, so the project carries this small one; it works against Confluent Schema
 * Registry, Apicurio (at {@code /apis/ccompat/v7}), Karapace and Redpanda.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getById(int id);

    /** Whether {@code schema} is compatible with the latest version of {@code subject}, under the subject's rule. */
    boolean isCompatible(String subject, Schema schema);
}
