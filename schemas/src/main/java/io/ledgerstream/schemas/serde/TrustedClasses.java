package io.ledgerstream.schemas.serde;

import io.ledgerstream.schemas.avro.RawTransaction;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate a class it finds by name (resolving a writer's schema, making a
 * new record or a deep copy) unless it has been told to trust it; this trusts exactly our generated
 * package, on top of Avro's defaults, once per process.
 */
public final class TrustedClasses {

    static {
        ClassSecurityValidator.ClassSecurityPredicate defaults = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(defaults,
                c -> c.getName().startsWith(RawTransaction.class.getPackageName() + ".")));
    }

    private TrustedClasses() {
    }

    /** Makes sure the generated classes are trusted; a no-op after the first call. */
    public static void ensure() {
        // the static initializer has run by now
    }
}
