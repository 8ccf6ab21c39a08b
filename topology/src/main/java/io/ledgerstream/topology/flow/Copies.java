package io.ledgerstream.topology.flow;

import io.ledgerstream.schemas.serde.TrustedClasses;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Copies of Avro records for the topology's copy-then-change updates. */
public final class Copies {

    static {
        TrustedClasses.ensure(); // newRecord finds the class by the schema's name
    }

    private Copies() {
    }

    /**
     * A new record holding the same field values as {@code record}, not copies of them. Avro's
     * {@code newBuilder(record)} deep-copies every field, turning each decimal into bytes and back,
     * which cost a tenth of the stream thread's time; the topology never changes a field's value in
     * place (it sets a new list, map or decimal), so sharing the values is safe.
     */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> T shallow(T record) {
        T copy = (T) SpecificData.getForClass(record.getClass()).newRecord(null, record.getSchema());
        for (int field = 0; field < record.getSchema().getFields().size(); field++) {
            copy.put(field, record.get(field));
        }
        return copy;
    }
}
