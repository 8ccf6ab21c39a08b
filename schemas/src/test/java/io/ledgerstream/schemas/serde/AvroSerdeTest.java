package io.ledgerstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.registry.InMemorySchemaRegistryClient;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroSerdes serdes = new AvroSerdes(registry);

    @Test
    void shouldWriteConfluentWireFormatAndReadItBack() {
        AvroSerde<RawTransaction> serde = serdes.value(RawTransaction.class);
        RawTransaction raw = RawTransaction.newBuilder()
                .setTransactionId("t-1").setUserId("alice").setBookedAt("2026-03-04")
                .setAmount("-12.34").setCurrency("EUR").setDescription("CARD 1234 TESCO").build();

        byte[] bytes = serde.serialize("transactions.raw", raw);

        assertThat(bytes[0]).isEqualTo((byte) 0);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(registry.getById(id)).isEqualTo(RawTransaction.getClassSchema());
        assertThat(serde.deserialize("transactions.raw", bytes)).isEqualTo(raw);
    }

    @Test
    void shouldKeepDecimalMoneyExact() {
        AvroSerde<EnrichedTransaction> serde = serdes.value(EnrichedTransaction.class);
        EnrichedTransaction tx = EnrichedTransaction.newBuilder()
                .setTransactionId("t-1").setUserId("alice").setBookedAt(LocalDate.of(2026, 3, 4))
                .setAmount(new BigDecimal("-0.1000")).setCurrency("EUR")
                .setBaseAmount(new BigDecimal("-0.1000")).setBaseCurrency("EUR")
                .setDescription("x").setCategory(Category.FOOD_AND_DRINK)
                .setCategorySource(CategorySource.MCC).setEssential(true).build();

        EnrichedTransaction back = serde.deserialize("t", serde.serialize("t", tx));

        assertThat(back.getAmount()).isEqualTo(new BigDecimal("-0.1000"));
    }

    @Test
    void shouldReadRecordsWrittenWithAnOlderSchema() throws Exception {
        // an older producer that knew only three fields
        Schema old = SchemaBuilder.record("RawTransaction").namespace("io.ledgerstream.schemas.avro").fields()
                .requiredString("transactionId").requiredString("userId").requiredString("bookedAt")
                .requiredString("amount").requiredString("currency").endRecord();
        int oldId = registry.register("transactions.raw-value", old);
        GenericRecord record = new GenericData.Record(old);
        record.put("transactionId", "t-9");
        record.put("userId", "bob");
        record.put("bookedAt", "2026-01-31");
        record.put("amount", "100");
        record.put("currency", "GBP");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt(oldId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(old).write(record, encoder);
        encoder.flush();

        RawTransaction read = serdes.value(RawTransaction.class).deserialize("transactions.raw", out.toByteArray());

        assertThat(read.getTransactionId()).isEqualTo("t-9");
        assertThat(read.getDescription()).isEmpty();
        assertThat(read.getRemoved()).isFalse();
    }

    @Test
    void shouldRefuseBytesWithoutTheMagicByte() {
        AvroSerde<RawTransaction> serde = serdes.value(RawTransaction.class);

        assertThatThrownBy(() -> serde.deserialize("transactions.raw", "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("transactions.raw");
    }
}
