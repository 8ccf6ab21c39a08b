package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The project's registry client against a real Apicurio registry's Confluent-compatible API. */
class SchemaRegistryClientTest {

    private final HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(TestStack.get().schemaRegistryUrl());

    @Test
    void shouldRegisterLookUpAndCheckCompatibilityOnARealRegistry() {
        String subject = "client-it.transactions.raw-value";
        Schema schema = RawTransaction.getClassSchema();

        int id = client.register(subject, schema);

        assertThat(new HttpSchemaRegistryClient(TestStack.get().schemaRegistryUrl()).getById(id))
                .as("looked up by a fresh client, without its cache").isEqualTo(schema);
        assertThat(new HttpSchemaRegistryClient(TestStack.get().schemaRegistryUrl()).register(subject, schema))
                .as("registering the same schema again gives the same id").isEqualTo(id);
        Schema withRequiredField = SchemaBuilder.record("RawTransaction").namespace("io.ledgerstream.schemas.avro")
                .fields().requiredString("transactionId").requiredString("mandatoryNewField").endRecord();
        assertThat(client.isCompatible(subject, withRequiredField))
                .as("a new field without a default breaks backward compatibility").isFalse();
        Schema withOptionalField = SchemaBuilder.record("RawTransaction").namespace("io.ledgerstream.schemas.avro")
                .fields().requiredString("transactionId").optionalString("note").endRecord();
        assertThat(client.isCompatible(subject, withOptionalField)).isTrue();
    }
}
