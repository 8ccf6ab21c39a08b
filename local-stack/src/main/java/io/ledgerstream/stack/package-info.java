/**
 * A local stack for the demo and the integration tests: a real single-node KRaft Kafka broker and a
 * real Apicurio schema registry, each started from Maven Central jars in a child JVM bound to
 * 127.0.0.1, with their data in one directory that survives restarts.
 *
 * <p>Entry point: {@link io.ledgerstream.stack.LocalStack}. Topics are created with the schemas
 * module's {@code TopicProvisioner}.
 */
package io.ledgerstream.stack;
